"""Open forum posts in search; the desk's "threads you follow with new posts"; forums on topic pages."""

import pytest
from django.core.management import call_command

from conftest import login
from rial.directory.profile import sections_for
from rial.forums import search
from rial.forums.sections import desk_section
from rial.forums.services import follow, post_reply, thread_mark_read
from rial.forums.tests.factories import make_forum, make_thread
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_a_public_post_is_a_search_document_in_its_language(focal_cl):
    forum = make_forum(title="Inspection", topic=Topic.objects.get(slug="labor-inspection"))
    thread = make_thread(forum, focal_cl, title="Apps", body="Inspección de **plataformas** digitales")
    post = thread.posts.get()
    post.language = "es"
    document = search.ForumPostSource().document(post)
    assert document.kind == "forum_post" and document.title == "Apps #1" and document.language == "es"
    assert document.body == "Inspección de plataformas digitales" and document.topics == ("labor-inspection",)
    assert document.url == f"/forum/threads/{thread.pk}/#post-1"


def test_the_search_page_finds_public_posts(client, focal_cl):
    forum = make_forum(title="Inspection")
    make_thread(forum, focal_cl, title="Apps", body="Couriers and zymurgical breweries")
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = client.get("/en/search/?q=zymurgical").content.decode()
    assert "Apps #1" in page


def test_the_desk_lists_followed_threads_with_new_posts_until_marked_read(client, focal_cl, member_co):
    forum = make_forum(title="Inspection")
    thread = make_thread(forum, focal_cl, title="Delivery apps")
    follow(user=member_co, thread=thread)
    assert desk_section(member_co) is None
    post_reply(thread=thread, user=focal_cl, body="News")
    post_reply(thread=thread, user=focal_cl, body="More news")
    section = desk_section(member_co)
    assert section["title"] == "Threads you follow with new posts"
    assert [(item["thread"].title, item["new"], item["url"]) for item in section["context"]["threads"]] == [
        ("Delivery apps", 2, thread.url_of_post(2))]
    assert any(s["title"] == "Threads you follow with new posts" for s in sections_for("desk_section", member_co))
    login(client, member_co)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count(">New</span>") == 2
    assert client.get(f"/en/forum/threads/{thread.pk}/read/").status_code == 405
    client.post(f"/en/forum/threads/{thread.pk}/read/")
    thread.refresh_from_db()
    thread_mark_read(thread=thread, user=member_co)
    assert desk_section(member_co) is None


def test_writing_in_a_thread_marks_it_read_for_the_writer(focal_cl, member_co):
    thread = make_thread(make_forum(title="Inspection"), focal_cl)
    post_reply(thread=thread, user=member_co, body="Mine")
    assert desk_section(member_co) is None


def test_the_topic_page_lists_its_open_forums(client):
    make_forum(title="Child labor forum", topic=Topic.objects.get(slug="child-labor"))
    make_forum(title="Secret child labor forum", topic=Topic.objects.get(slug="child-labor"), is_restricted=True)
    page = client.get("/en/topics/child-labor/").content.decode()
    assert "Forums on this topic" in page and "Child labor forum" in page and "Secret child" not in page


def test_the_forum_list_links_to_the_draft_negotiation_forums_for_those_who_take_part(client, focal_cl):
    assert "draft negotiation forums" not in client.get("/en/forum/").content.decode()
    login(client, focal_cl)
    assert "draft negotiation forums" in client.get("/en/forum/").content.decode()
