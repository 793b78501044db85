"""The read API: open forums, their visible threads and posts, paginated."""

import pytest

from rial.forums.services import post_hide, post_reply, thread_hide
from rial.forums.tests.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db


def test_forums_threads_and_posts_are_listed(client, focal_cl, member_co, secretariat):
    forum = make_forum(title="Labor inspection", slug="labor-inspection-forum")
    thread = make_thread(forum, focal_cl, title="Delivery apps", body="**Hello**")
    post_reply(thread=thread, user=member_co, body="Reply", reply_to=thread.posts.get())
    hidden = post_reply(thread=thread, user=member_co, body="Spam")
    post_hide(post=hidden, user=secretariat, reason="Spam")
    gone = make_thread(forum, focal_cl, title="Gone")
    thread_hide(thread=gone, user=secretariat, reason="Duplicate")

    forums = client.get("/api/v1/forums").json()
    assert "labor-inspection-forum" in [item["slug"] for item in forums["items"]]
    threads = client.get("/api/v1/forums/labor-inspection-forum/threads").json()
    assert threads["count"] == 1 and threads["items"][0]["title"] == "Delivery apps"
    assert threads["items"][0]["post_count"] == 3 and threads["items"][0]["is_locked"] is False
    posts = client.get(f"/api/v1/forums/threads/{thread.pk}/posts").json()
    assert [p["number"] for p in posts["items"]] == [1, 2]
    assert posts["items"][0]["html"] == "<p><strong>Hello</strong></p>\n"
    assert posts["items"][1]["reply_to"] == 1
    assert client.get(f"/api/v1/forums/threads/{gone.pk}").status_code == 404


def test_lists_refuse_a_page_larger_than_the_maximum(client):
    assert client.get("/api/v1/forums?limit=201").status_code == 422


def test_listing_posts_costs_the_same_few_queries_for_many(client, focal_cl, member_co,
                                                           django_assert_max_num_queries):
    forum = make_forum(title="Busy")
    thread = make_thread(forum, focal_cl)
    for number in range(30):
        post_reply(thread=thread, user=member_co if number % 2 else focal_cl, body=f"Post {number}")
    with django_assert_max_num_queries(4):
        assert client.get(f"/api/v1/forums/threads/{thread.pk}/posts?limit=50").json()["count"] == 31
