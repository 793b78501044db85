"""Addresses that bounce are disabled: refusals while sending, and delivery status notifications (DSNs).

A refusal of the address itself during the SMTP conversation (a 5xx reply to RCPT TO) is recorded by the
sender. Bounces that arrive later come back as DSNs (RFC 3464: ``multipart/report;
report-type=delivery-status``) to the envelope sender's mailbox; ``manage.py record_bounces <Maildir>``
reads the new messages of that mailbox (delivered there by the mail server, or fetched into it by
fetchmail/getmail), records each failed recipient and files the message as read, so running it again
records nothing twice. A permanent failure (status 5.x.x) disables the subscriber; a temporary one
(4.x.x, or "delayed") is only recorded.
"""

import hashlib
import logging
import mailbox
import re
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from rial.core.audit import save_logged
from rial.newsletter import actions
from rial.newsletter.models import Bounce, Delivery, Subscriber
from rial.newsletter.workflows import SUBSCRIPTION

logger = logging.getLogger("rial.newsletter")

MESSAGE_ID = re.compile(r"<newsletter\.(\d+)\.(\d+)@[^>]+>")


def record_bounce(*, email: str, kind: str, origin: str, status: str = "", diagnostic: str = "",
                  report_id: str = "", delivery: Delivery | None = None) -> Bounce | None:
    """Record one bounce (None when this report was recorded before); a hard one disables the subscriber."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
            bounce = Bounce.objects.create(email=email, subscriber=subscriber, delivery=delivery, kind=kind,
                                           origin=origin, status=status[:20], diagnostic=diagnostic[:500],
                                           report_id=report_id[:300])
            if kind == Bounce.Kind.HARD and subscriber is not None and "disable" in SUBSCRIPTION.possible(subscriber.state):
                SUBSCRIPTION.move(subscriber, "disable")
                subscriber.left_at = timezone.now()
                save_logged(subscriber, user=None, action=actions.SUBSCRIBER_DISABLED)
    except IntegrityError:
        return None
    logger.info("newsletter bounce (%s, %s) for %s", kind, origin, email)
    return bounce


@dataclass(frozen=True)
class FailedRecipient:
    email: str
    kind: str
    status: str
    diagnostic: str


def _address(field: str) -> str:
    """``rfc822; Someone@Example.org`` → ``someone@example.org``."""
    return field.split(";", 1)[-1].strip().strip("<>").lower()


def failed_recipients(report: Message) -> list[FailedRecipient]:
    """The recipients a DSN reports as failed or delayed (nothing for any other message)."""
    if report.get_content_type() != "multipart/report" or report.get_param("report-type") != "delivery-status":
        return []
    found = []
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        # The first block describes the report; each further block is one recipient.
        for block in part.get_payload()[1:]:
            action = (block.get("Action") or "").strip().lower()
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient") or ""
            if action not in ("failed", "delayed") or "@" not in recipient:
                continue
            status = (block.get("Status") or "").strip()
            kind = Bounce.Kind.HARD if action == "failed" and status.startswith("5") else Bounce.Kind.SOFT
            found.append(FailedRecipient(email=_address(recipient), kind=kind, status=status,
                                         diagnostic=" ".join((block.get("Diagnostic-Code") or "").split())))
    return found


def _delivery(report: Message) -> Delivery | None:
    """The delivery the report is about, from the original message's Message-ID (rendering.message_id)."""
    for part in report.walk():
        if part.get_content_type() in ("text/rfc822-headers", "message/rfc822"):
            text = part.as_string()
            match = MESSAGE_ID.search(text)
            if match:
                return Delivery.objects.filter(issue_id=int(match[1]), pk=int(match[2])).first()
    return None


def record_report(report: Message, raw: bytes) -> int:
    """Record the failures of one DSN; returns how many bounces were new."""
    report_id = (report.get("Message-ID") or "").strip() or "sha256:" + hashlib.sha256(raw).hexdigest()
    delivery = _delivery(report)
    recorded = 0
    for failure in failed_recipients(report):
        bounce = record_bounce(email=failure.email, kind=failure.kind, origin=Bounce.Origin.DSN, status=failure.status,
                               diagnostic=failure.diagnostic, report_id=report_id,
                               delivery=delivery if delivery and delivery.email == failure.email else None)
        recorded += bounce is not None
    return recorded


@dataclass
class MailboxReading:
    messages: int = 0
    reports: int = 0
    bounces: int = 0


def read_maildir(path: Path) -> MailboxReading:
    """Read the new messages of the Maildir at ``path``, record their bounces, and file them as read."""
    box = mailbox.Maildir(path, create=False)
    reading = MailboxReading()
    for key in list(box.iterkeys()):
        message = box.get_message(key)
        if message.get_subdir() != "new":
            continue
        reading.messages += 1
        raw = box.get_bytes(key)
        if failed_recipients(message):
            reading.reports += 1
            reading.bounces += record_report(message, raw)
        message.set_subdir("cur")
        message.add_flag("S")
        box[key] = message
    return reading
