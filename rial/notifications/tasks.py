"""Sending notification emails, off the request path (django-tasks).

An email is sent at most once per notification: the row is locked and marked ``emailed_at`` in the same
transaction that sends it, so two workers, a retried task or a digest running at the same time cannot
send it again. A person who chose the daily digest gets nothing here; ``send_digests`` gathers theirs.
"""

import datetime
import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from rial.core.emails import Recipient, send_email
from rial.notifications.models import Delivery, Notification, NotificationSettings, kinds_not_emailed

logger = logging.getLogger("rial.notifications")


def _without_kinds_turned_off(notifications: list[Notification]) -> list[Notification]:
    """Leave out (and mark) the notifications whose person turned off the email of their kind."""
    not_emailed = kinds_not_emailed({notification.user_id for notification in notifications})
    off = {n.pk for n in notifications if n.kind in not_emailed.get(n.user_id, ())}
    if off:
        Notification.objects.filter(pk__in=off).update(email_off=True)
    return [n for n in notifications if n.pk not in off]


def wants_digest(user_id: int | None) -> bool:
    if user_id is None:
        return False
    return NotificationSettings.objects.filter(user_id=user_id, delivery=Delivery.DAILY).exists()


@task()
def send_notification_email(notification_id: int) -> bool:
    """Email one notification now, unless it was emailed already or its person reads a daily digest."""
    with transaction.atomic():
        notification = (Notification.objects.select_for_update().filter(pk=notification_id).email_pending()
                        .first())
        if notification is None or notification.batched:
            return False
        if notification.kind in kinds_not_emailed([notification.user_id]).get(notification.user_id, ()):
            notification.email_off = True  # turned off since it was made: in-app only
            notification.save(update_fields=["email_off"])
            return False
        if wants_digest(notification.user_id):
            return False
        send_email(template="notifications/email/notification",
                   recipient=Recipient(email=notification.email, language=notification.language),
                   context={"notification": notification})
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@task()
def send_digests() -> int:
    """One email per address gathering every notification not yet emailed; returns the emails sent.

    Run once a day (``manage.py send_notification_digests``). Notifications of people who take them
    immediately are included too when their own email never went out (e.g. the worker was down).
    """
    sent = 0
    with transaction.atomic():
        pending = _without_kinds_turned_off(list(
            Notification.objects.select_for_update(skip_locked=True).email_pending().order_by("created_at")))
        by_address: dict[str, list[Notification]] = defaultdict(list)
        for notification in pending:
            by_address[notification.email].append(notification)
        now = timezone.now()
        for email, notifications in by_address.items():
            send_email(template="notifications/email/digest",
                       recipient=Recipient(email=email, language=notifications[-1].language),
                       context={"notifications": notifications})
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)
            sent += 1
    logger.info("notification digests: %d email(s)", sent)
    return sent


BATCH_INTERVAL = datetime.timedelta(hours=1)


@task()
def send_batches() -> int:
    """One email per address gathering its batched notifications, unless it got one within the hour.

    Run every few minutes (``manage.py send_notification_batches``); people on the daily digest get
    theirs in the digest instead. Returns the emails sent.
    """
    now = timezone.now()
    sent = 0
    with transaction.atomic():
        pending = _without_kinds_turned_off(list(Notification.objects.select_for_update(skip_locked=True)
                                                 .email_pending().filter(batched=True).order_by("created_at")))
        by_address: dict[str, list[Notification]] = defaultdict(list)
        for notification in pending:
            if not wants_digest(notification.user_id):
                by_address[notification.email].append(notification)
        last_sent = dict(Notification.objects.filter(email__in=list(by_address), batched=True,
                                                     emailed_at__isnull=False)
                         .values_list("email").annotate(last=Max("emailed_at")))
        for email, notifications in by_address.items():
            if email in last_sent and now - last_sent[email] < BATCH_INTERVAL:
                continue
            send_email(template="notifications/email/digest",
                       recipient=Recipient(email=email, language=notifications[-1].language),
                       context={"notifications": notifications})
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)
            sent += 1
    logger.info("notification batches: %d email(s)", sent)
    return sent
