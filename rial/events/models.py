"""Events of the RIAL: the meetings people register for (workshops, dialogues, webinars, video-conferences,
courses). An event is a :class:`~rial.meetings.models.Meeting` of an event kind plus what registration
needs; dates, place, agenda, topics, documents, conclusions and the calendar stay the meeting's.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import Mandate
from rial.core.languages import LANGUAGE_CHOICES
from rial.core.questionnaires import EvaluationAnswer
from rial.directory.models import Institution, Person
from rial.meetings.models import Meeting


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(meeting__is_published=True, meeting__archived_at__isnull=True,
                           meeting__kind__in=Meeting.EVENT_KINDS)


class Event(models.Model):
    meeting = models.OneToOneField(Meeting, primary_key=True, on_delete=models.CASCADE, related_name="event",
                                   verbose_name=_("meeting"))
    target_participants = models.TextField(_("target participants"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Places; leave empty for no limit."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    delegations_need_confirmation = models.BooleanField(
        _("government delegations need the Secretariat's confirmation"), default=True,
        help_text=_("Official registrations go through the Permanent Missions: the Secretariat confirms them."))
    online_link = models.URLField(_("online link"), blank=True,
                                  help_text=_("Shown only to confirmed participants."))
    mandates = models.ManyToManyField(Mandate, verbose_name=_("related mandates"), blank=True, related_name="events")
    results = models.TextField(_("results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    # history: registered with the translated texts in translation.py

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["registration_closes"])]

    def __str__(self) -> str:
        return str(self.meeting)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        return self.meeting.title

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return ((self.registration_opens is None or self.registration_opens <= now)
                and (self.registration_closes is None or now < self.registration_closes))

    @property
    def has_taken_place(self) -> bool:
        return self.meeting.last_day < timezone.localdate()


class Organizer(models.Model):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", _("Organizer")
        CO_ORGANIZER = "co_organizer", _("Co-organizer")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizers")
    institution = models.ForeignKey(Institution, verbose_name=_("institution"), on_delete=models.PROTECT,
                                    related_name="events_organized")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ORGANIZER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "institution__name"]
        verbose_name = _("organizer")
        verbose_name_plural = _("organizers")
        constraints = [models.UniqueConstraint(fields=["event", "institution"], name="one_role_per_organizer")]

    def __str__(self) -> str:
        return f"{self.institution} ({self.get_role_display()})"


class Recording(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="recordings")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self) -> str:
        return self.title


def new_certificate_code() -> str:
    # 12 characters of an alphabet without look-alikes, grouped for reading aloud: ABCD-EFGH-JKLM.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_places(self):
        """Registrations that take a place: confirmed or awaiting the Secretariat's confirmation."""
        return self.filter(status__in=(Registration.Status.CONFIRMED, Registration.Status.PENDING))


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the Secretariat's confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        DELEGATION = "delegation", _("Government delegation")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="event_registrations")
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    institution = models.ForeignKey(Institution, verbose_name=_("institution"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="event_registrations")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                      related_name="event_registrations_made", verbose_name=_("registered by"))
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    certificate_code = models.CharField(_("certificate code"), max_length=14, unique=True, null=True, blank=True)
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "status", "registered_at"])]
        constraints = [
            # One place per address and event, whatever the order of concurrent requests.
            models.UniqueConstraint(fields=["event", "email"], condition=~Q(status="cancelled"),
                                    name="one_active_registration_per_address"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:registration", kwargs={"pk": self.pk})

    @property
    def owner_institution_id(self) -> int | None:
        return self.institution_id

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def get_certificate_url(self) -> str:
        return reverse("events:verify", kwargs={"code": self.certificate_code})


class Evaluation(EvaluationAnswer):
    """A participant's answer to the evaluation questionnaire, once per attended registration."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="evaluation")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [models.CheckConstraint(condition=EvaluationAnswer.ratings_in_range(),
                                              name="event_evaluation_ratings_in_range")]

    def __str__(self) -> str:
        return str(self.registration)
