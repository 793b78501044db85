"""Sending an issue: every recipient at most once, even when the sender dies half-way and starts again.

Sending starts by writing one ``Delivery`` row per recipient (``services.issue_send``); the unique
(issue, email) pair means nobody can be queued twice. A sender then works through the rows:

1. claim one row: ``UPDATE … SET state='sending' WHERE id=… AND state='pending'`` (committed). Only one
   sender can win a row, so two senders at once (a resumed one beside a slow one) never send the same
   message;
2. hand the message to the SMTP server;
3. mark the row ``sent`` (committed), or put it back ``pending`` with a later ``next_attempt_at`` after a
   temporary refusal (4xx, a dropped connection), or mark it ``failed`` after a permanent one (5xx; a
   refused address is also recorded as a hard bounce and disabled).

A process killed between 1 and 3 leaves its row ``sending``. Whether that message reached the server is
unknown, so it is not sent again on its own: the next sender marks such rows ``interrupted`` once they are
older than ``RIAL_NEWSLETTER_STALE_SECONDS`` and the page lists them; the editor may send them again. Every
other row resumes exactly where it was. Temporary failures wait ``RIAL_NEWSLETTER_RETRY_SECONDS`` × 4ⁿ
(1 min, 4 min, 16 min…) and give up after ``RIAL_NEWSLETTER_MAX_ATTEMPTS``.
"""

import datetime
import logging
import smtplib
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Min
from django.utils import timezone

from rial.core.audit import save_logged
from rial.core.emails import Recipient
from rial.newsletter import actions, rendering
from rial.newsletter.bounces import record_bounce
from rial.newsletter.models import Bounce, Delivery, Issue, Subscriber
from rial.newsletter.workflows import ISSUE

logger = logging.getLogger("rial.newsletter")

BATCH = 200
State = Delivery.State


class ServerUnavailable(Exception):
    """The SMTP server could not be reached or dropped the connection: stop this run and try later."""


@dataclass
class Outcome:
    """What one run of the sender did."""

    counts: Counter = field(default_factory=Counter)
    retry_at: datetime.datetime | None = None
    finished: bool = False

    def as_dict(self) -> dict:
        return {"counts": dict(self.counts), "finished": self.finished,
                "retry_at": self.retry_at.isoformat() if self.retry_at else None}


def backoff(attempts: int) -> datetime.timedelta:
    """How long a delivery waits after its ``attempts``-th temporary failure: 1, 4, 16, 64… minutes."""
    return datetime.timedelta(seconds=settings.RIAL_NEWSLETTER_RETRY_SECONDS * 4 ** max(attempts - 1, 0))


def progress(issue: Issue) -> dict[str, int]:
    """How many deliveries are in each state (one grouped query), plus ``total``."""
    counts = dict.fromkeys(State.values, 0)
    for row in Delivery.objects.filter(issue=issue).values("state").annotate(n=Count("pk")).order_by():
        counts[row["state"]] = row["n"]
    counts["total"] = sum(counts[state] for state in State.values)
    counts["done"] = counts["total"] - counts[State.PENDING] - counts[State.SENDING]
    return counts


def mark_interrupted(issue: Issue, now: datetime.datetime | None = None) -> int:
    """Rows left ``sending`` by a sender that died: their message may or may not have gone out."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.RIAL_NEWSLETTER_STALE_SECONDS)
    count = Delivery.objects.filter(issue=issue, state=State.SENDING, started_at__lte=stale).update(
        state=State.INTERRUPTED, error="The sender stopped while this message was being sent.")
    if count:
        logger.warning("newsletter %s: %d delivery(ies) interrupted mid-message", issue.number, count)
    return count


def _classify(error: Exception) -> tuple[str, int | None]:
    """("temporary" | "permanent" | "address", smtp code): how to treat an SMTP refusal."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        code = max(codes) if codes else None
        return ("address" if code and code >= 500 else "temporary"), code
    if isinstance(error, smtplib.SMTPResponseException):
        return ("permanent" if error.smtp_code >= 500 else "temporary"), error.smtp_code
    return "temporary", None


def _error_text(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {message.decode(errors='replace') if isinstance(message, bytes) else message}"
                         for code, message in error.recipients.values())[:300]
    return f"{type(error).__name__}: {error}"[:300]


class Sender:
    """One run over an issue's due deliveries, over one SMTP connection."""

    def __init__(self, issue: Issue, connection=None):
        self.issue = issue
        self.connection = connection or get_connection()
        self.items = list(issue.items.all())
        self.editions: dict[str, rendering.Edition] = {}
        self.outcome = Outcome()
        self.paused_until: datetime.datetime | None = None

    def edition(self, language: str) -> rendering.Edition:
        if language not in self.editions:
            self.editions[language] = rendering.edition(self.issue, language, self.items)
        return self.editions[language]

    def message(self, delivery: dict):
        edition = self.edition(delivery["language"])
        subscriber = Subscriber(pk=delivery["subscriber_id"], email=delivery["email"])
        unsubscribe = rendering.unsubscribe_url(subscriber, edition.language)
        headers = rendering.list_headers(
            unsubscribe=unsubscribe, message_id=rendering.message_id(issue_id=self.issue.pk, delivery_id=delivery["pk"]))
        return rendering.issue_message(
            edition=edition, recipient=Recipient(email=delivery["email"], language=edition.language),
            unsubscribe=unsubscribe, headers=headers)

    def run(self, limit: int | None = None) -> Outcome:
        mark_interrupted(self.issue)
        try:
            try:
                self.connection.open()
            except (smtplib.SMTPException, OSError) as error:
                raise ServerUnavailable from error
            while limit is None or self.outcome.counts[State.SENT] < limit:
                batch = list(Delivery.objects.due().filter(issue=self.issue, subscriber__state=Subscriber.State.CONFIRMED)
                             .order_by("pk").values("pk", "email", "language", "subscriber_id")[:BATCH])
                if not batch:
                    break
                for delivery in batch:
                    if limit is not None and self.outcome.counts[State.SENT] >= limit:
                        break
                    self.deliver(delivery)
        except ServerUnavailable as error:
            # Come back later as a whole, rather than spend every waiting row's attempts on a server that is down.
            logger.warning("newsletter %s: SMTP server unavailable (%s)", self.issue.number, error.__cause__)
            self.paused_until = timezone.now() + backoff(1)
        finally:
            self.connection.close()
        self.finish()
        return self.outcome

    def claim(self, delivery_id: int) -> bool:
        return bool(Delivery.objects.filter(pk=delivery_id, state=State.PENDING,
                                            subscriber__state=Subscriber.State.CONFIRMED)
                    .update(state=State.SENDING, started_at=timezone.now(), attempts=F("attempts") + 1))

    def deliver(self, delivery: dict) -> None:
        if not self.claim(delivery["pk"]):
            return  # another sender took it, or the subscriber left meanwhile
        message = self.message(delivery)
        try:
            self.connection.send_messages([message])
        except (smtplib.SMTPException, OSError) as error:
            self.refused(delivery, error)
            return
        Delivery.objects.filter(pk=delivery["pk"], state=State.SENDING).update(
            state=State.SENT, sent_at=timezone.now(), smtp_code=None, error="")
        self.outcome.counts[State.SENT] += 1

    def refused(self, delivery: dict, error: Exception) -> None:
        kind, code = _classify(error)
        text = _error_text(error)
        row = Delivery.objects.get(pk=delivery["pk"])
        if kind == "temporary" and row.attempts < settings.RIAL_NEWSLETTER_MAX_ATTEMPTS:
            retry_at = timezone.now() + backoff(row.attempts)
            Delivery.objects.filter(pk=row.pk, state=State.SENDING).update(
                state=State.PENDING, next_attempt_at=retry_at, smtp_code=code, error=text)
            self.outcome.counts["deferred"] += 1
            if code is None:  # no SMTP answer at all: the server is down or dropped us; stop and come back
                self.connection.close()
                raise ServerUnavailable from error
            return
        Delivery.objects.filter(pk=row.pk, state=State.SENDING).update(state=State.FAILED, smtp_code=code, error=text)
        self.outcome.counts[State.FAILED] += 1
        if kind == "address":
            record_bounce(email=row.email, kind=Bounce.Kind.HARD, origin=Bounce.Origin.SMTP, status=str(code or ""),
                          diagnostic=text, delivery=row)

    def finish(self) -> None:
        """Skip rows whose subscriber left; close the issue when nothing is left; say when to come back."""
        Delivery.objects.filter(issue=self.issue, state=State.PENDING).exclude(
            subscriber__state=Subscriber.State.CONFIRMED).update(state=State.SKIPPED)
        with transaction.atomic():
            issue = Issue.objects.select_for_update().get(pk=self.issue.pk)
            open_rows = Delivery.objects.filter(issue=issue, state__in=[State.PENDING, State.SENDING])
            waiting = open_rows.aggregate(first=Min("next_attempt_at"), n=Count("pk"))
            if waiting["n"] == 0:
                if issue.state == Issue.State.SENDING:
                    ISSUE.move(issue, "finish")
                    issue.finished_at = timezone.now()
                    save_logged(issue, user=None, action=actions.ISSUE_FINISHED)
                self.outcome.finished = True
            elif not open_rows.filter(state=State.SENDING).exists():
                self.outcome.retry_at = max(filter(None, (waiting["first"], self.paused_until)))
        logger.info("newsletter %s: %s", issue.number, dict(self.outcome.counts))


def send_pending(issue_id: int, *, connection=None, limit: int | None = None) -> Outcome:
    """Send every due delivery of the issue (at most ``limit`` messages); returns what happened."""
    issue = Issue.objects.filter(pk=issue_id).exclude(state=Issue.State.DRAFT).first()
    if issue is None:
        return Outcome()
    return Sender(issue, connection).run(limit=limit)
