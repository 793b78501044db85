"""Restricted forums: visible only to their members (institutions, people, a working group's authorities)
and the Secretariat, on every path."""

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.models import WorkingGroup
from rial.directory.models import Country, Institution
from rial.forums import search
from rial.forums.models import Forum
from rial.forums.tests.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(db):
    forum = make_forum(title="Authorities only", is_restricted=True)
    forum.member_institutions.add(Institution.objects.get(slug="ministry-cl"))
    return forum


def test_members_and_the_secretariat_see_it_others_do_not(client, restricted, focal_cl, member_co, cosate_rep,
                                                           secretariat):
    thread = make_thread(restricted, focal_cl, title="Agenda draft")
    for user, allowed in ((focal_cl, True), (secretariat, True), (member_co, False), (cosate_rep, False)):
        login(client, user)
        listing = client.get(reverse("forums:list")).content.decode()
        assert ("Authorities only" in listing) is allowed, user
        assert client.get(restricted.get_absolute_url()).status_code == (200 if allowed else 403)
        assert client.get(thread.get_absolute_url()).status_code == (200 if allowed else 403)
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 403
    assert "Authorities only" not in client.get(reverse("forums:list")).content.decode()


def test_non_members_cannot_post_follow_or_reply(client, restricted, focal_cl, member_co):
    thread = make_thread(restricted, focal_cl)
    login(client, member_co)
    assert client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Hi"}).status_code == 403
    assert client.post(reverse("forums:thread_follow", args=[thread.pk])).status_code == 403
    assert client.post(reverse("forums:forum_follow", args=[restricted.slug])).status_code == 403
    assert client.post(reverse("forums:thread_add", args=[restricted.slug]),
                       {"title": "T", "body": "B"}).status_code == 403
    assert thread.posts.count() == 1 and restricted.subscriptions.count() == 0


def test_a_person_can_be_a_member_by_name(client, restricted, member_co):
    restricted.member_people.add(member_co.person)
    login(client, member_co)
    assert client.get(restricted.get_absolute_url()).status_code == 200


def test_a_working_groups_authorities_are_members_when_the_forum_says_so(client, member_co, focal_br):
    group = WorkingGroup.objects.order_by("-conference__number").first()
    group.chair = Country.objects.get(iso2="CO")
    group.save()
    forum = make_forum(title="Group forum", is_restricted=True, working_group=group, includes_group_authorities=True)
    login(client, member_co)
    assert client.get(forum.get_absolute_url()).status_code == 200
    login(client, focal_br)
    assert client.get(forum.get_absolute_url()).status_code == 403
    Forum.objects.filter(pk=forum.pk).update(includes_group_authorities=False)
    login(client, member_co)
    assert client.get(forum.get_absolute_url()).status_code == 403


def test_restricted_posts_are_not_in_search_or_the_api(client, restricted, focal_cl):
    thread = make_thread(restricted, focal_cl)
    assert search.ForumPostSource().document(thread.posts.get()) is None
    assert not [d for d in search.ForumPostSource().documents() if d.title.startswith(thread.title)]
    assert restricted.slug not in [f["slug"] for f in client.get("/api/v1/forums").json()["items"]]
    assert client.get(f"/api/v1/forums/threads/{thread.pk}").status_code == 404
    assert client.get(f"/api/v1/forums/{restricted.slug}/threads").status_code == 404


def test_an_archived_forum_is_gone_for_everyone_but_the_admin(client, focal_cl, secretariat):
    forum = make_forum(title="Old forum")
    thread = make_thread(forum, focal_cl)
    forum.archive()
    forum.save()
    login(client, secretariat)
    assert client.get(forum.get_absolute_url()).status_code == 404
    assert client.get(thread.get_absolute_url()).status_code == 404
