"""Following a thread or a forum: new posts reach followers in the hourly batch, never their own posts."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.directory.models import Institution
from rial.forums.models import Subscription
from rial.forums.services import follow, post_reply, unfollow
from rial.forums.tests.factories import make_forum, make_thread
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(db):
    return make_forum(title="Labor inspection")


def test_following_and_unfollowing_are_posts(client, forum, focal_cl, member_co):
    thread = make_thread(forum, focal_cl)
    login(client, member_co)
    assert client.get(reverse("forums:thread_follow", args=[thread.pk])).status_code == 405
    client.post(reverse("forums:thread_follow", args=[thread.pk]), {"follow": "1"})
    client.post(reverse("forums:forum_follow", args=[forum.slug]), {"follow": "1"})
    assert Subscription.objects.filter(user=member_co).count() == 2
    client.post(reverse("forums:thread_follow", args=[thread.pk]), {"follow": "1"})  # again: nothing new
    assert Subscription.objects.filter(user=member_co).count() == 2
    client.post(reverse("forums:thread_follow", args=[thread.pk]), {"follow": "0"})
    assert list(Subscription.objects.filter(user=member_co).values_list("forum", flat=True)) == [forum.pk]


def test_a_new_post_is_a_batched_notification_for_followers_but_not_its_author(
        forum, focal_cl, member_co, ilo_rep, cosate_rep, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(forum, focal_cl, title="Delivery apps")
        follow(user=member_co, thread=thread)
        follow(user=ilo_rep, forum=forum)
        post_reply(thread=thread, user=cosate_rep, body="Unions **want** a say.")
    notified = Notification.objects.filter(kind="forums.post").order_by("email")
    # The reply reached the thread's author (who follows what they start) and the thread's and the forum's
    # followers, once each; the opening post came before anyone followed; nobody heard of their own post.
    assert sorted((n.user.username, n.subject) for n in notified) == [
        ("focal-cl", "New post in “Delivery apps”"),
        ("ilo-rep", "New post in “Delivery apps”"),
        ("member-co", "New post in “Delivery apps”"),
    ]
    assert all(n.batched and n.emailed_at is None for n in notified)
    reply = notified.get(user=member_co)
    assert "wrote post #2 in “Delivery apps”" in reply.body and "Unions want a say." in reply.body
    assert reply.url == thread.url_of_post(2)
    assert mail.outbox == []  # nothing is emailed one by one


def test_followers_get_at_most_one_email_an_hour(forum, focal_cl, member_co, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(forum, focal_cl, title="Delivery apps")
        follow(user=member_co, thread=thread)
        post_reply(thread=thread, user=focal_cl, body="One")
        post_reply(thread=thread, user=focal_cl, body="Two")
    call_command("send_notification_batches", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [[member_co.email]]
    assert "One" in mail.outbox[0].body and "Two" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, user=focal_cl, body="Three")
    call_command("send_notification_batches", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # within the hour: it waits
    Notification.objects.filter(emailed_at__isnull=False).update(
        emailed_at=timezone.now() - datetime.timedelta(hours=1, minutes=1))
    call_command("send_notification_batches", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2 and "Three" in mail.outbox[1].body


def test_the_email_is_in_the_followers_language(forum, focal_cl, member_co, django_capture_on_commit_callbacks):
    member_co.preferred_language = "es"
    member_co.save()
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(forum, focal_cl, title="Apps")
        follow(user=member_co, thread=thread)
        post_reply(thread=thread, user=focal_cl, body="Hola")
    notification = Notification.objects.get(user=member_co)
    assert notification.subject == "Nueva publicación en «Apps»"
    assert notification.url.startswith("/es/forum/threads/")


def test_someone_who_left_a_restricted_forum_hears_nothing_more(focal_cl, member_co,
                                                                 django_capture_on_commit_callbacks):
    forum = make_forum(title="Members", is_restricted=True)
    forum.member_institutions.add(Institution.objects.get(slug="ministry-cl"),
                                  Institution.objects.get(slug="ministry-co"))
    thread = make_thread(forum, focal_cl)
    follow(user=member_co, thread=thread)
    forum.member_institutions.remove(Institution.objects.get(slug="ministry-co"))
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, user=focal_cl, body="Members only")
    assert not Notification.objects.filter(user=member_co).exists()


def test_unfollowing_stops_the_news(forum, focal_cl, member_co, django_capture_on_commit_callbacks):
    thread = make_thread(forum, focal_cl)
    follow(user=member_co, thread=thread)
    assert unfollow(user=member_co, thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, user=focal_cl, body="Anyone?")
    assert not Notification.objects.filter(user=member_co).exists()


@pytest.mark.django_db(transaction=True)
def test_marking_a_thread_read_leaves_the_kept_pages_and_values_valid(forum, focal_cl, member_co):
    """What a person has read is theirs alone (a private table): it does not make every page be drawn again."""
    from rial.core import pagecache
    from rial.forums.services import thread_mark_read

    thread = make_thread(forum, focal_cl)
    post_reply(thread=thread, user=member_co, body="A reply the author has not read yet.")
    thread.refresh_from_db()
    token = pagecache.generation()
    thread_mark_read(thread=thread, user=focal_cl)
    assert Subscription.objects.get(user=focal_cl, thread=thread).seen_up_to == 2
    assert pagecache.generation() == token
