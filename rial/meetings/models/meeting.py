"""Meetings of the conference cycle: who met, when, where, on what, and what they concluded."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import Conference, WorkingGroup
from rial.core.models import Archivable, ArchivableQuerySet
from rial.core.storage import private_storage
from rial.directory.models import Country, Institution, Person
from rial.meetings.models.files import validate_document
from rial.topics.models import Topic

TIME_ZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones() if name.startswith("America/"))


class MeetingQuerySet(ArchivableQuerySet):
    def published(self):
        return self.active().filter(is_published=True)

    def with_attendance(self):
        """Counts of attending ministries and other institutions, in the same query as the meetings."""
        attended = Q(participants__attended=True)
        return self.annotate(
            ministries_count=Count("participants__institution", distinct=True,
                                   filter=attended & Q(participants__institution__kind=Institution.Kind.MINISTRY)),
            others_count=Count("participants__institution", distinct=True,
                               filter=attended & ~Q(participants__institution__kind=Institution.Kind.MINISTRY)),
        )


class Meeting(Archivable):
    """A meeting of the conference cycle; the event kinds are the ones people register for (``rial.events``)."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        PLANNING = "planning", _("Planning meeting")
        WORKING_GROUP = "working_group", _("Working group meeting")
        PREPARATORY = "preparatory", _("Preparatory meeting")
        AUTHORITIES = "authorities", _("Meeting of the authorities")
        WORKSHOP = "workshop", _("Hemispheric workshop")
        DIALOGUE = "dialogue", _("Dialogue")
        WEBINAR = "webinar", _("Webinar")
        VIDEOCONFERENCE = "videoconference", _("Video-conference")
        COURSE = "course", _("Course")

    # Kinds whose meetings are events of the RIAL: public, with registration (rial/events).
    EVENT_KINDS = ("workshop", "dialogue", "webinar", "videoconference", "course")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True,
                                  help_text=_("Local time at the venue; leave empty for whole days."))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONE_CHOICES,
                                 default="America/New_York")
    is_virtual = models.BooleanField(_("virtual"), default=False, db_index=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(Country, verbose_name=_("host country"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="meetings")
    conference = models.ForeignKey(Conference, verbose_name=_("cycle of the conference"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="meetings",
                                   help_text=_("The conference whose Plan of Action this meeting follows up."))
    working_groups = models.ManyToManyField(WorkingGroup, verbose_name=_("working groups"), blank=True,
                                            related_name="meetings")
    objectives = models.TextField(_("objectives"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One agenda item per line."))
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="meetings")
    reported_ministries = models.PositiveSmallIntegerField(
        _("ministries attending (as reported)"), null=True, blank=True,
        help_text=_("Use when the list of participants is not recorded, e.g. from a published report."))
    funding_note = models.CharField(_("funding"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    # history: registered with the translated fields in translation.py

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["kind", "start_date"])]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                                   name="meeting_dates_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"pk": self.pk})

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def place(self) -> str:
        if self.is_virtual:
            return str(_("Virtual"))
        return ", ".join(part for part in (self.venue, self.city, self.country.name if self.country else "") if part)

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def attending_ministries(self) -> int | None:
        """Counted from the participants when recorded, else the reported figure."""
        counted = getattr(self, "ministries_count", None)
        return counted or self.reported_ministries


class Participant(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        SPEAKER = "speaker", _("Speaker")
        OBSERVER = "observer", _("Observer")
        SECRETARIAT = "secretariat", _("Technical Secretariat")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    institution = models.ForeignKey(Institution, verbose_name=_("institution"), on_delete=models.PROTECT,
                                    related_name="meeting_participations")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="meeting_participations")
    name = models.CharField(_("name"), max_length=200, blank=True,
                            help_text=_("When the person is not in the directory."))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.DELEGATE)
    attended = models.BooleanField(_("attended"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["institution__name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [models.Index(fields=["meeting", "attended"])]

    def __str__(self) -> str:
        who = self.person.full_name if self.person_id else self.name
        return f"{who or self.institution} ({self.get_role_display()})"


class GuidingQuestion(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    panel = models.CharField(_("panel or session"), max_length=200, blank=True)
    text = models.TextField(_("question"))
    answers_due = models.DateTimeField(_("answers due"),
                                       help_text=_("Delegations send their written answers before this moment."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_question_number_per_meeting")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class DelegationAnswer(models.Model):
    """A delegation's written answer to a guiding question."""

    question = models.ForeignKey(GuidingQuestion, on_delete=models.CASCADE, related_name="answers")
    institution = models.ForeignKey(Institution, verbose_name=_("delegation"), on_delete=models.PROTECT,
                                    related_name="guiding_answers")
    text = models.TextField(_("answer"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["institution__name"]
        verbose_name = _("written answer")
        verbose_name_plural = _("written answers")
        constraints = [models.UniqueConstraint(fields=["question", "institution"], name="one_answer_per_delegation")]

    def __str__(self) -> str:
        return f"{self.institution} → {self.question}"

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class MeetingDocument(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        GUIDE = "guide", _("Information guide")
        PARTICIPANTS = "participants", _("List of participants")
        BASE = "base", _("Base document")
        PRESENTATION = "presentation", _("Presentation")
        SUMMARY = "summary", _("Summary or results")
        LESSONS = "lessons", _("Lessons learned")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    code = models.CharField(_("document code"), max_length=80, blank=True,
                            help_text=_("e.g. CIMT-18/GT1-GT2/doc.10/15"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    session = models.CharField(_("session"), max_length=200, blank=True,
                               help_text=_("For presentations: the session or panel they were given in."))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    # Private storage: a non-public document, or one of an unpublished meeting, must not have a /media/
    # address; views.meetings.document_download checks who may read it.
    file = models.FileField(_("file"), storage=private_storage, upload_to="meetings/documents/%Y/",
                            validators=[validate_document])
    is_public = models.BooleanField(_("public"), default=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "session", "title"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title

    def get_download_url(self) -> str:
        return reverse("meetings:document", kwargs={"pk": self.pk})


class Conclusion(models.Model):
    class Kind(models.TextChoices):
        CONSENSUS = "consensus", _("Point of consensus")
        FURTHER_WORK = "further_work", _("Issue for further work")
        RECOMMENDATION = "recommendation", _("Recommendation")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="conclusions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "number"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}: {self.text[:80]}"
