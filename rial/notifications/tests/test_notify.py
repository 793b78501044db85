"""notify(): one message per event and address, in the recipient's language, emailed once."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from rial.core.emails import Recipient
from rial.notifications.models import Delivery, Notification, NotificationSettings
from rial.notifications.services import mark_read, notify
from rial.notifications.tasks import send_batches, send_digests, send_notification_email

pytestmark = pytest.mark.django_db(transaction=True)


def _notify(recipients, key="test.event:1"):
    return notify(kind="core.test", key=key, recipients=recipients, template="core/email/test_message",
                  url="/en/programs/")


def test_each_recipient_gets_the_message_in_their_language_in_app_and_by_email(focal_cl):
    spanish = Recipient(email="ana@example.org", language="es", user_id=focal_cl.pk)
    english = Recipient(email="bob@example.org", language="en")
    with transaction.atomic():
        _notify([spanish, english])
    assert {n.subject for n in Notification.objects.all()} == {"Mensaje de prueba de la plataforma",
                                                               "Test message from the platform"}
    assert Notification.objects.for_user(focal_cl).unread().count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "bob@example.org"]
    assert all(n.emailed_at for n in Notification.objects.all())


def test_the_same_event_twice_tells_nobody_twice():
    recipient = Recipient(email="ana@example.org", language="es")
    with transaction.atomic():
        _notify([recipient])
    with transaction.atomic():
        assert _notify([recipient]) == []
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_sending_a_notification_again_sends_nothing():
    with transaction.atomic():
        (notification,) = _notify([Recipient(email="ana@example.org", language="es")])
    assert send_notification_email.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_digest_reader_gets_one_email_a_day_with_everything(focal_cl):
    NotificationSettings.objects.create(user=focal_cl, delivery=Delivery.DAILY)
    recipient = Recipient(email="fp@example.org", language="en", user_id=focal_cl.pk)
    with transaction.atomic():
        _notify([recipient], key="a")
        _notify([recipient], key="b")
    assert mail.outbox == []
    assert send_digests.call() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "RIAL: 2 notifications"
    assert send_digests.call() == 0


def test_marking_read(focal_cl):
    with transaction.atomic():
        _notify([Recipient(email="fp@example.org", user_id=focal_cl.pk)], key="a")
        _notify([Recipient(email="fp@example.org", user_id=focal_cl.pk)], key="b")
    assert mark_read(user=focal_cl) == 2
    assert Notification.objects.for_user(focal_cl).unread().count() == 0


def test_batched_notifications_are_emailed_together_at_most_once_an_hour():
    recipient = Recipient(email="reader@example.org", language="en")
    with transaction.atomic():
        notify(kind="core.test", key="post:1", recipients=[recipient], template="core/email/test_message",
               batched=True)
        notify(kind="core.test", key="post:2", recipients=[recipient], template="core/email/test_message",
               batched=True)
    assert mail.outbox == []
    assert send_batches.call() == 1
    assert mail.outbox[0].subject == "RIAL: 2 notifications"
    with transaction.atomic():
        notify(kind="core.test", key="post:3", recipients=[recipient], template="core/email/test_message",
               batched=True)
    assert send_batches.call() == 0  # the last batch went out less than an hour ago
    Notification.objects.filter(emailed_at__isnull=False).update(
        emailed_at=timezone.now() - datetime.timedelta(minutes=61))
    assert send_batches.call() == 1
    assert len(mail.outbox) == 2
