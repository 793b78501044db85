"""The back office: the Secretariat's only; moderation states are read-only there."""

import pytest

from conftest import login
from rial.forums.services import post_hide
from rial.forums.tests.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db


def test_the_secretariat_sees_every_forum_model_and_cannot_edit_moderation_states(secretariat_client, focal_cl,
                                                                                   secretariat):
    forum = make_forum(title="Inspection")
    thread = make_thread(forum, focal_cl)
    post = thread.posts.get()
    post_hide(post=post, user=secretariat, reason="Test")
    for url in ("/admin/forums/forum/", f"/admin/forums/forum/{forum.pk}/change/", "/admin/forums/thread/",
                f"/admin/forums/thread/{thread.pk}/change/", "/admin/forums/post/",
                f"/admin/forums/post/{post.pk}/change/", "/admin/forums/subscription/",
                "/admin/forums/moderationaction/"):
        assert secretariat_client.get(url).status_code == 200, url
    page = secretariat_client.get(f"/admin/forums/thread/{thread.pk}/change/").content.decode()
    assert 'name="status"' not in page and 'name="visibility"' not in page
    page = secretariat_client.get(f"/admin/forums/post/{post.pk}/change/").content.decode()
    assert 'name="visibility"' not in page and 'name="body"' not in page


def test_others_are_kept_out(client, focal_cl):
    login(client, focal_cl)
    assert client.get("/admin/forums/forum/").status_code == 302
