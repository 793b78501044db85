"""The demo: a forum thread runs with replies, a follower's email and a moderation action, all marked DEMO."""

import pytest
from django.core import mail
from django.core.management import call_command

from rial.directory import demo as directory_demo
from rial.forums import demo
from rial.forums.models import Forum, ModerationAction, Post, Subscription, Thread
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_runs_a_thread_and_loads_once(client, django_capture_on_commit_callbacks):
    directory_demo.load_demo()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load_demo()
    demo.load_demo()
    forum = Forum.objects.get(slug=demo.OPEN_FORUM)
    assert forum.is_demo and forum.title.startswith("DEMO")
    thread = Thread.objects.get(title="DEMO Inspecting work on delivery apps")
    assert thread.post_count == 5 and thread.is_demo
    assert all(post.is_demo and "DEMO" in post.body for post in Post.objects.filter(thread__forum__is_demo=True))
    assert ModerationAction.objects.filter(action="hide_post", thread=thread).exists()
    assert Thread.objects.filter(status="locked", forum=forum).count() == 1
    assert Subscription.objects.filter(forum=forum, user__username="demo-focal-br").exists()
    assert Forum.objects.get(slug=demo.RESTRICTED_FORUM).is_restricted
    # Brazil's focal point follows the forum: they hear of the others' visible posts (not the hidden one, not
    # their own), and the batch sends them one email with all of them.
    told = Notification.objects.filter(kind="forums.post", user__username="demo-focal-br")
    assert told.count() == 4
    mail.outbox.clear()
    call_command("send_notification_batches", stdout=open("/dev/null", "w"))  # noqa: SIM115
    to_brazil = [message for message in mail.outbox if message.to == [told.first().email]]
    assert len(to_brazil) == 1 and "DEMO Inspecting work on delivery apps" in to_brazil[0].body
    assert "off-topic" not in to_brazil[0].body
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This post was hidden by the Technical Secretariat." in page and "DEMO" in page
