"""The RIAL newsletter: subscribers (double opt-in), numbered issues composed from the platform's records,
one delivery row per recipient and issue, and the bounces that disable an address.

States of subscribers and issues move only through ``services.py`` (transition tables there). Deliveries
are moved by the sender (``sending.py``) with conditional UPDATEs: the row is the claim, so two senders
never send the same message, and the unique (issue, email) pair means nobody is sent an issue twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.languages import LANGUAGE_CHOICES

#: Every edition is written at least in these languages; Portuguese and French are added when written.
REQUIRED_LANGUAGES = ("en", "es")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=Subscriber.State.CONFIRMED)


class Subscriber(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Disabled: the address bounced")

    # Stored in lower case (services.normalize_email), so one address is one subscriber.
    email = models.EmailField(_("email"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    state = models.CharField(_("state"), max_length=14, choices=State.choices, default=State.PENDING, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    left_at = models.DateTimeField(_("unsubscribed or disabled"), null=True, blank=True)
    # The secret part of the one confirmation link that works now: each request replaces it and confirming
    # clears it, so an older or already used link changes nothing.
    confirmation_nonce = models.CharField(max_length=32, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords(excluded_fields=["confirmation_nonce"])

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email


class Section(models.TextChoices):
    """The parts of an issue, in the order they are printed."""

    COOPERATION = "cooperation", _("Cooperation: calls and results")
    EVENTS = "events", _("Events")
    PROGRAMS = "programs", _("New programs in the portfolio")
    DOCUMENTS = "documents", _("Documents")
    NEWS = "news", _("News from the ministries")
    LINKS = "links", _("Relevant links")


FREE_SECTIONS = (Section.NEWS, Section.LINKS)


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues whose sending has started: they are in the public archive, the feed and the API."""
        return self.filter(state__in=[Issue.State.SENDING, Issue.State.SENT])


class Issue(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    number = models.PositiveIntegerField(_("number"), unique=True)
    # Translated (translation.py): title, introduction.
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), max_length=3000, blank=True)
    # The editions written: always English and Spanish, plus Portuguese and/or French when written.
    languages = models.JSONField(_("editions"), default=list)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True)
    # What the editor chose when sending (``segments.py``), and what it meant then.
    audience = models.CharField(_("audience"), max_length=100, blank=True, editable=False)
    audience_label = models.CharField(_("audience"), max_length=300, blank=True, editable=False)
    recipients_count = models.PositiveIntegerField(_("recipients"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sending started"), null=True, blank=True, db_index=True, editable=False)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+", editable=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # history: registered with the translated fields in translation.py

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return _("No. %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self) -> str:
        return reverse("newsletter:issue", kwargs={"number": self.number})

    @property
    def is_published(self) -> bool:
        return self.state in (self.State.SENDING, self.State.SENT)

    def edition_language(self, language: str) -> str:
        """The edition a reader of ``language`` gets: their own when written, else English."""
        return language if language in self.languages else "en"


class IssueItem(models.Model):
    """One entry of an issue: a record picked from another app (``source``, ``object_id``), or free text.

    The texts are copied per language when the record is picked (``sources.py``) and may then be edited,
    so a sent issue keeps saying what it said even when the record changes later.
    """

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(_("section"), max_length=12, choices=Section.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    source = models.CharField(_("source"), max_length=40, blank=True, editable=False)
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    # Translated (translation.py): title, summary, link (a path of the platform or an https address).
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("text"), max_length=3000, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("newsletter item")
        verbose_name_plural = _("newsletter items")
        constraints = [
            models.UniqueConstraint(fields=["issue", "source", "object_id"], condition=~Q(source=""),
                                    name="newsletter_record_once_per_issue"),
        ]
        indexes = [models.Index(fields=["issue", "position"])]

    def __str__(self) -> str:
        return self.title


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(state=Delivery.State.PENDING, next_attempt_at__lte=now or timezone.now())


class Delivery(models.Model):
    """One recipient of one issue. Created when sending starts; the sender claims it, sends, and marks it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped: unsubscribed or disabled meanwhile")
        INTERRUPTED = "interrupted", _("Interrupted while being sent")

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="deliveries")
    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    started_at = models.DateTimeField(_("last attempt started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    smtp_code = models.PositiveSmallIntegerField(_("SMTP reply code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["issue", "email"], name="newsletter_one_delivery_per_address")]
        indexes = [models.Index(fields=["issue", "state", "next_attempt_at"], name="newsletter_delivery_due")]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.email}"


class Bounce(models.Model):
    """A refusal reported for an address: by the SMTP server while sending, or later by a DSN."""

    class Kind(models.TextChoices):
        HARD = "hard", _("Permanent (the address is disabled)")
        SOFT = "soft", _("Temporary")

    class Origin(models.TextChoices):
        SMTP = "smtp", _("Refused while sending")
        DSN = "dsn", _("Delivery status notification")

    email = models.EmailField(_("email"), max_length=254, db_index=True)
    subscriber = models.ForeignKey(Subscriber, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="bounces")
    delivery = models.ForeignKey(Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="bounces")
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    origin = models.CharField(_("reported by"), max_length=4, choices=Origin.choices)
    status = models.CharField(_("status code"), max_length=20, blank=True)
    diagnostic = models.CharField(_("diagnostic"), max_length=500, blank=True)
    # The DSN's own Message-ID: reading the same mailbox twice records nothing twice.
    report_id = models.CharField(_("report message id"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        constraints = [
            models.UniqueConstraint(fields=["report_id", "email"], condition=~Q(report_id=""),
                                    name="newsletter_bounce_report_once"),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_kind_display()})"
