"""Starting threads and replying: who may write, what is stored, and bad input refused with nothing saved."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from conftest import login
from rial.directory.tests.factories import UserFactory
from rial.forums.models import MAX_POST_CHARS, Post, Thread
from rial.forums.services import post_reply, thread_start
from rial.forums.tests.factories import make_forum, make_thread
from rial.forums.tests.safety import assert_safe

pytestmark = pytest.mark.django_db
HOSTILE = ("Hello <script>alert('stolen')</script> and [a link](javascript:alert(1)) and "
           '<a href="javascript:alert(2)">another</a> <img src=x onerror=alert(3)>')


@pytest.fixture
def forum(db):
    return make_forum(title="Labor inspection")


def test_a_focal_point_starts_a_thread_and_follows_it(client, forum, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("forums:thread_add", args=[forum.slug]),
                           {"title": "Inspecting delivery apps", "body": "How do you **find** the employer?"})
    thread = Thread.objects.get(title="Inspecting delivery apps")
    assert response.status_code == 302 and response.url == thread.get_absolute_url()
    post = thread.posts.get()
    assert post.number == 1 and post.author == focal_cl and post.institution.slug == "ministry-cl"
    assert post.body_html == "<p>How do you <strong>find</strong> the employer?</p>\n"
    assert thread.post_count == 1 and thread.last_post_at == post.created_at
    assert thread.subscriptions.filter(user=focal_cl, seen_up_to=1).exists()
    assert thread.history.first().history_change_reason == "forums.thread.started"


@pytest.mark.parametrize("persona", ["member_co", "cosate_rep", "ilo_rep", "secretariat"])
def test_ministry_members_social_partners_partners_and_the_secretariat_reply(request, client, forum, focal_cl,
                                                                              persona):
    thread = make_thread(forum, focal_cl)
    user = request.getfixturevalue(persona)
    login(client, user)
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Agreed."})
    post = thread.posts.get(number=2)
    assert response.status_code == 302 and response.url == post.get_absolute_url()
    assert post.author == user


def test_someone_outside_the_network_reads_but_cannot_write(client, forum, focal_cl):
    thread = make_thread(forum, focal_cl)
    outsider = UserFactory(username="outsider")
    login(client, outsider)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Hi"}).status_code == 403
    assert client.get(reverse("forums:thread_add", args=[forum.slug])).status_code == 403
    with pytest.raises(PermissionDenied):
        post_reply(thread=thread, user=outsider, body="Hi")
    assert thread.posts.count() == 1


def test_anonymous_visitors_read_open_forums_and_are_asked_to_log_in_to_write(client, forum, focal_cl):
    thread = make_thread(forum, focal_cl)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200 and "Log in to reply." in page.content.decode()
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Hi"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert thread.posts.count() == 1


def test_script_tags_and_javascript_links_are_neutralised_in_storage_and_on_the_page(client, forum, focal_cl,
                                                                                      member_co):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    client.post(reverse("forums:reply", args=[thread.pk]), {"body": HOSTILE})
    post = thread.posts.get(number=2)
    assert post.body == HOSTILE  # the author's text is kept as written (and shown as text)
    assert_safe(post.body_html)
    assert "&lt;script&gt;" in post.body_html
    page = client.get(thread.get_absolute_url()).content.decode()
    start = page.index('<div class="post-body">', page.index('id="post-2"'))
    assert_safe(page[start + len('<div class="post-body">'):page.index("</div>", start)])
    assert "<script>alert" not in page, page[page.index("<script>alert") - 300:page.index("<script>alert") + 50]
    assert '<a href="javascript' not in page.lower()


def test_a_post_longer_than_the_limit_is_refused_with_both_lengths_and_nothing_saved(client, forum, focal_cl,
                                                                                      member_co):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "x" * (MAX_POST_CHARS + 1)})
    assert response.status_code == 200
    assert "A post can be at most 65,536 characters long and this one has 65,537. Nothing was saved" in \
        response.content.decode()
    thread.refresh_from_db()
    assert thread.post_count == 1 and Post.objects.filter(thread=thread).count() == 1


def test_the_lengths_are_written_in_the_language_of_the_page(client, forum, focal_cl, member_co):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    with translation.override("es"):
        address = reverse("forums:reply", args=[thread.pk])
    page = client.post(address, {"body": "x" * (MAX_POST_CHARS + 1)}).content.decode()
    assert "65.536" in page and "65.537" in page and "65,536" not in page


def test_a_5_mb_body_is_refused_cleanly_and_not_sent_back(client, forum, focal_cl, member_co):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "y" * 5_000_000})
    assert response.status_code == 200
    page = response.content.decode()
    assert "this one has 5,000,000" in page and len(page) < 100_000
    assert thread.posts.count() == 1


def test_a_request_over_the_upload_limit_gets_a_clear_400_page(client, forum, focal_cl, member_co, settings):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    body = "z" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": body})
    assert response.status_code == 400
    assert "too large (more than 5 MB of text)" in response.content.decode()
    assert thread.posts.count() == 1


def test_an_empty_post_or_title_is_refused(client, forum, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("forums:thread_add", args=[forum.slug]), {"title": "  ", "body": ""})
    page = response.content.decode()
    assert "Give the thread a title." in page and "Write something before sending the post." in page
    response = client.post(reverse("forums:thread_add", args=[forum.slug]), {"title": "Apps", "body": " \n "})
    page = response.content.decode()
    # Once in the summary at the top of the form, once beside the field: never more.
    summary = page.split('class="form-errors error-summary"')[1].split("</div>")[0]
    assert summary.count("Write something before sending the post.") == 1
    assert page.count("Write something before sending the post.") == 2
    assert not Thread.objects.filter(forum=forum).exists()


def test_a_reply_to_a_post_of_another_thread_is_refused(forum, focal_cl, member_co):
    first, second = make_thread(forum, focal_cl), make_thread(forum, focal_cl, title="Other")
    with pytest.raises(ValidationError):
        post_reply(thread=first, user=member_co, body="Hi", reply_to=second.posts.get())
    assert first.posts.count() == 1


def test_replies_are_numbered_in_order_and_name_the_post_they_answer(client, forum, focal_cl, member_co):
    thread = make_thread(forum, focal_cl)
    opening = thread.posts.get()
    post_reply(thread=thread, user=member_co, body="Second")
    third = post_reply(thread=thread, user=focal_cl, body="Third", reply_to=opening)
    assert [p.number for p in thread.posts.all()] == [1, 2, 3] and third.reply_to == opening
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "in reply to #1 by" in page


def test_quoting_fills_the_reply_with_the_quoted_post(client, forum, focal_cl, member_co):
    focal_cl.first_name, focal_cl.last_name = "Ana", "Rojas"
    focal_cl.save()
    thread = make_thread(forum, focal_cl, body="We visit hubs.\nEvery week.")
    opening = thread.posts.get()
    login(client, member_co)
    page = client.get(reverse("forums:reply", args=[thread.pk]) + f"?to={opening.pk}&quote=1").content.decode()
    assert "&gt; Ana Rojas wrote:\n&gt;\n&gt; We visit hubs.\n&gt; Every week." in page
    assert f'name="reply_to" value="{opening.pk}"' in page
    response = client.post(reverse("forums:reply", args=[thread.pk]),
                           {"body": "> Ana Rojas wrote:\n> We visit hubs.\n\nSo do we.", "reply_to": opening.pk})
    reply = thread.posts.get(number=2)
    assert response.status_code == 302 and reply.reply_to == opening and "<blockquote>" in reply.body_html


def test_a_post_remembers_the_language_it_was_written_in(forum, focal_cl, client):
    thread = make_thread(forum, focal_cl)
    login(client, focal_cl)
    client.post(f"/es/forum/threads/{thread.pk}/reply/", {"body": "Estamos de acuerdo."})
    assert thread.posts.get(number=2).language == "es"


def test_the_service_refuses_over_long_text_too(forum, focal_cl):
    with pytest.raises(ValidationError) as refusal:
        thread_start(forum=forum, user=focal_cl, title="T", body="x" * (MAX_POST_CHARS + 1))
    assert "body" in refusal.value.message_dict
    assert not Thread.objects.filter(forum=forum).exists()
