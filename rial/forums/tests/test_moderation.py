"""The Secretariat hides, locks and moves, always with a reason the author reads; nobody else can."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.forums import search
from rial.forums.models import ModerationAction, Post
from rial.forums.services import post_hide, post_reply, thread_hide, thread_lock, thread_move, thread_unlock
from rial.forums.tests.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db
REASON = "Off topic: please open a thread in the right forum."


@pytest.fixture
def forum(db):
    return make_forum(title="Labor inspection")


@pytest.fixture
def thread(forum, focal_cl):
    return make_thread(forum, focal_cl, title="Delivery apps")


def test_the_secretariat_hides_a_post_the_author_sees_why_others_see_a_placeholder(
        client, thread, member_co, cosate_rep, secretariat_client, django_capture_on_commit_callbacks):
    post = post_reply(thread=thread, user=cosate_rep, body="Buy our **product**")
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(reverse("forums:post_moderate", args=[post.pk]), {"reason": REASON})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.history.first().history_change_reason == "forums.post.hide"
    action = ModerationAction.objects.get(post=post)
    assert action.action == "hide_post" and action.reason == REASON
    # The author is told at once, with the reason.
    assert mail.outbox[-1].to == [cosate_rep.email] and REASON in mail.outbox[-1].body
    login(client, cosate_rep)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert REASON in page and "Buy our" in page
    login(client, member_co)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This post was hidden by the Technical Secretariat." in page
    assert REASON not in page and "Buy our" not in page
    assert search.ForumPostSource().document(post) is None


def test_only_the_secretariat_moderates(client, thread, focal_cl, member_co):
    post = thread.posts.get()
    for user in (focal_cl, member_co):
        login(client, user)
        assert client.get(reverse("forums:thread_moderate", args=[thread.pk])).status_code == 403
        assert client.post(reverse("forums:post_moderate", args=[post.pk]), {"reason": REASON}).status_code == 403
        with pytest.raises(PermissionDenied):
            post_hide(post=post, user=user, reason=REASON)
    assert not ModerationAction.objects.exists() and not Post.objects.get(pk=post.pk).is_hidden


def test_a_reason_is_required(secretariat_client, secretariat, thread):
    response = secretariat_client.post(reverse("forums:thread_moderate", args=[thread.pk]),
                                       {"action": "lock", "reason": " "})
    assert "This field is required." in response.content.decode()
    with pytest.raises(ValidationError):
        thread_lock(thread=thread, user=secretariat, reason="")
    thread.refresh_from_db()
    assert not thread.is_locked and not ModerationAction.objects.exists()


def test_a_locked_thread_takes_no_replies_and_says_why(client, thread, member_co, secretariat, secretariat_client):
    secretariat_client.post(reverse("forums:thread_moderate", args=[thread.pk]),
                            {"action": "lock", "reason": "The meeting is over."})
    thread.refresh_from_db()
    assert thread.is_locked
    with pytest.raises(ValidationError, match="locked"):
        post_reply(thread=thread, user=member_co, body="Late")
    login(client, member_co)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This thread is locked" in page and "The meeting is over." in page and 'id="reply"' not in page
    response = client.post(reverse("forums:reply", args=[thread.pk]), {"body": "Late"}, follow=True)
    assert "it takes no new posts" in response.content.decode() and thread.posts.count() == 1
    thread_unlock(thread=thread, user=secretariat, reason="Reopened for follow-up.")
    assert post_reply(thread=thread, user=member_co, body="Now").number == 2


def test_locking_a_locked_thread_is_refused_naming_the_possible_moves(thread, secretariat):
    thread_lock(thread=thread, user=secretariat, reason="Closed.")
    with pytest.raises(ValidationError) as refusal:
        thread_lock(thread=thread, user=secretariat, reason="Closed again.")
    assert "Possible now: “unlock”" in refusal.value.messages[0]
    assert ModerationAction.objects.count() == 1


def test_moving_a_thread_keeps_its_posts_and_tells_the_author(thread, forum, focal_cl, secretariat_client,
                                                              django_capture_on_commit_callbacks):
    other = make_forum(title="Social dialogue")
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(reverse("forums:thread_moderate", args=[thread.pk]),
                                           {"action": "move", "to_forum": other.pk, "reason": "Belongs to dialogue."})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.forum == other and thread.posts.count() == 1
    action = ModerationAction.objects.get()
    assert (action.from_forum, action.to_forum) == (forum, other)
    assert mail.outbox[-1].to == [focal_cl.email]
    assert "It moved from “Labor inspection” to “Social dialogue”." in mail.outbox[-1].body


def test_moving_to_the_same_forum_is_refused(thread, forum, secretariat):
    with pytest.raises(ValidationError):
        thread_move(thread=thread, to_forum=forum, user=secretariat, reason="Why not")


def test_a_hidden_thread_is_seen_only_by_its_author_and_the_secretariat(client, thread, forum, focal_cl, member_co,
                                                                         secretariat):
    thread_hide(thread=thread, user=secretariat, reason="Duplicate of another thread.")
    login(client, member_co)
    assert client.get(thread.get_absolute_url()).status_code == 403
    assert "Delivery apps" not in client.get(forum.get_absolute_url()).content.decode()
    login(client, focal_cl)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Duplicate of another thread." in page and "This thread is hidden" in page
    assert "Delivery apps" in client.get(forum.get_absolute_url()).content.decode()
    with pytest.raises(ValidationError, match="hidden"):
        post_reply(thread=thread, user=focal_cl, body="Why?")
