"""A thread of 1,000 posts is read a page at a time with as many queries as a thread of 3."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import login
from rial.forums.models import POSTS_PER_PAGE
from rial.forums.services import post_hide, post_reply
from rial.forums.tests.factories import add_posts, make_forum, make_thread

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_stays_flat_from_3_to_1000_posts(client, focal_cl, member_co, secretariat,
                                                     django_assert_max_num_queries):
    forum = make_forum(title="Busy forum")
    small, big = make_thread(forum, focal_cl, title="Small"), make_thread(forum, focal_cl, title="Big")
    for thread in (small, big):
        reply = post_reply(thread=thread, user=member_co, body="A reply", reply_to=thread.posts.get(number=1))
        post_hide(post=reply, user=secretariat, reason="Hidden to exercise the moderation note.")
        post_reply(thread=thread, user=member_co, body="Another", reply_to=reply)
    add_posts(big, member_co, 997)
    assert big.post_count == 1000
    login(client, member_co)
    small_count = _queries(client, small.get_absolute_url())
    first_page = _queries(client, big.get_absolute_url())
    last_page = _queries(client, big.get_absolute_url() + "?page=40")
    assert small_count == first_page == last_page
    with django_assert_max_num_queries(14):
        response = client.get(big.get_absolute_url() + "?page=40")
    page = response.content.decode()
    assert page.count('<article class="post') == POSTS_PER_PAGE and 'id="post-1000"' in page and "Page 40 of 40" in page


def test_the_forum_and_list_pages_stay_flat_with_many_threads(client, focal_cl, member_co,
                                                              django_assert_max_num_queries):
    forums = [make_forum(title=f"Forum {n}") for n in range(5)]
    for forum in forums:
        for number in range(8):
            make_thread(forum, focal_cl, title=f"Thread {number}")
    login(client, member_co)
    with django_assert_max_num_queries(9):
        assert client.get("/en/forum/").status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(forums[0].get_absolute_url()).status_code == 200
