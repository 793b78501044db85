"""Telling people that something asks them to act or has an outcome for them.

``notify`` is the one call every workflow makes after its change: it renders the message once per
recipient, in that recipient's language, stores it (the in-app list), and queues the email through
the task queue once the transaction commits. The same ``key`` for the same address creates nothing
new, so a retried workflow step or task never tells anyone twice.
"""

import logging
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from rial.core.emails import Recipient, absolute_url, email_texts
from rial.notifications.models import Notification, kinds_not_emailed
from rial.notifications.tasks import send_notification_email

logger = logging.getLogger("rial.notifications")


class Page:
    """A named page as a notification's ``target``: its address is reversed in each recipient's language
    (``Page("cooperation:report", pk=3)``), as a model's ``get_absolute_url`` would be."""

    def __init__(self, name: str, **kwargs):
        self.name, self.kwargs = name, kwargs

    def get_absolute_url(self) -> str:
        return reverse(self.name, kwargs=self.kwargs or None)


def notify(*, kind: str, key: str, recipients: Iterable[Recipient], template: str, context: dict | None = None,
           target=None, url: str = "", batched: bool = False) -> list[Notification]:
    """Notify each recipient once of the event ``key`` (e.g. ``"portfolio.program.submitted:42:3"``).

    ``template`` is a prefix: ``<template>_subject.txt`` and ``<template>.txt`` are rendered in each
    recipient's language with ``context`` plus ``recipient`` and ``url`` (absolute). The link is
    ``target.get_absolute_url()`` in the recipient's language, or the path ``url``. ``batched``
    notifications are emailed together, at most once an hour per address (``send_batches``), instead of
    one email each. A person who turned off the email of ``kind`` (their settings) still finds it in their
    in-app list. Returns the new rows.
    """
    created = []
    recipients = list(recipients)
    not_emailed = kinds_not_emailed([recipient.user_id for recipient in recipients])
    for recipient in recipients:
        if Notification.objects.filter(key=key, email=recipient.email).exists():
            continue
        email_off = kind in not_emailed.get(recipient.user_id, ())
        with translation.override(recipient.language):
            path = target.get_absolute_url() if target is not None else url
            values = {**(context or {}), "url": absolute_url(path) if path else ""}
        subject, body = email_texts(template=template, recipient=recipient, context=values)
        body = body.strip()
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user_id=recipient.user_id, email=recipient.email, language=recipient.language, kind=kind,
                    subject=subject[:300], body=body, url=path, key=key, batched=batched, email_off=email_off)
        except IntegrityError:
            continue  # the same event reached this address from another process first
        created.append(notification)
        if not batched and not email_off:
            transaction.on_commit(lambda pk=notification.pk: send_notification_email.enqueue(pk))
    logger.info("%s: %d notification(s) for %s", kind, len(created), key)
    return created


def mark_read(*, user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all of them without ids); returns how many changed."""
    unread = Notification.objects.for_user(user).unread()
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())
