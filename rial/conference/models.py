"""The conference cycle: conferences, their Declarations and Plans of Action, the troika, the working
groups of each cycle, and the mandates of a plan with their follow-up (progress reports and evidence).

Other apps link their records to mandates through :class:`Evidence` (a generic relation), so a meeting,
a document, a program or a cooperation activity can answer one or several mandates without this app
knowing those apps.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.languages import LANGUAGE_CHOICES
from rial.core.models import Archivable, ArchivableQuerySet
from rial.core.storage import private_storage
from rial.directory.models import Country, Institution
from rial.topics.models import Topic

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number: int) -> str:
    result = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


def from_roman(text: str) -> int:
    """``"XV"`` → 15; raises ``ValueError`` for anything that is not a roman numeral."""
    text = text.strip().upper()
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not text or any(letter not in values for letter in text):
        raise ValueError(text)
    total = 0
    for index, letter in enumerate(text):
        value = values[letter]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    if to_roman(total) != text:
        raise ValueError(text)
    return total


class Conference(models.Model):
    """One Inter-American Conference of Ministers of Labor. Its host country holds the Chair pro tempore."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    start = models.DateField(_("first day"), null=True, blank=True, db_index=True)
    end = models.DateField(_("last day"), null=True, blank=True)
    chair = models.ForeignKey(Country, verbose_name=_("chair pro tempore"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="chaired_conferences")
    city = models.CharField(_("city"), max_length=100, blank=True)
    is_virtual = models.BooleanField(_("virtual"), default=False)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["number"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                                   name="conference_dates_in_order"),
        ]

    def __str__(self) -> str:
        return _("%(number)s IACML") % {"number": self.roman}

    def get_absolute_url(self) -> str:
        return reverse("conference:conference", kwargs={"number": self.number})

    @property
    def roman(self) -> str:
        return to_roman(self.number)

    @property
    def place(self) -> str:
        return str(_("Virtual")) if self.is_virtual else self.city

    @property
    def began_on(self) -> datetime.date:
        """The first day, or 1 January of its year where the day is not known (for ordering by date)."""
        return self.start or datetime.date(self.year, 1, 1)


class Troika(models.Model):
    """The troika recorded after a conference: its chair, the previous one and the elected next one.

    The troika at any date is derived from the conferences (see ``services.troika_on``); a row here
    records what the sources say, chiefly the next chair, which is known before the next conference is.
    """

    conference = models.OneToOneField(Conference, verbose_name=_("conference"), on_delete=models.CASCADE,
                                      related_name="troika")
    year = models.PositiveSmallIntegerField(_("year recorded"))
    current_chair = models.ForeignKey(Country, verbose_name=_("chair"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    previous_chair = models.ForeignKey(Country, verbose_name=_("previous chair"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    future_chair = models.ForeignKey(Country, verbose_name=_("next chair"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["conference__number"]
        verbose_name = _("troika")
        verbose_name_plural = _("troikas")

    def __str__(self) -> str:
        return _("Troika of the %(conference)s") % {"conference": self.conference}


class ConferenceDocumentQuerySet(ArchivableQuerySet):
    def visible_to(self, user):
        """The documents ``user`` may read: adopted and final texts for everyone; a draft Plan of Action for the
        network's participants (``conference.view_draft_plan``); a draft Declaration for the Secretariat."""
        documents = self.active()
        if not user.has_perm("conference.view_draft_plan"):
            documents = documents.exclude(kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                          status=ConferenceDocument.Status.DRAFT)
        if not user.has_perm("conference.view_conferencedocument"):
            documents = documents.exclude(kind=ConferenceDocument.Kind.DECLARATION,
                                          status=ConferenceDocument.Status.DRAFT)
        return documents


class ConferenceDocument(Archivable):
    """A Declaration or Plan of Action (one row per language version), revised in place (``revision``)."""

    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        PLAN_OF_ACTION = "plan_of_action", _("Plan of Action")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        FINAL = "final", _("Final (after style review)")

    # The platform's languages (rial.core.languages) as an enumeration: Language.EN, Language.values.
    Language = models.TextChoices("Language", [(code.upper(), (code, label)) for code, label in LANGUAGE_CHOICES])

    conference = models.ForeignKey(Conference, verbose_name=_("conference"), on_delete=models.PROTECT,
                                   related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.EN)
    original = models.ForeignKey("self", verbose_name=_("language version of"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="language_versions")
    title = models.CharField(_("title"), max_length=300)
    code = models.CharField(_("document code"), max_length=60, blank=True, db_index=True,
                            help_text=_("For example OEA/Ser.K/XII.21.1"))
    cidi_code = models.CharField(_("CIDI code"), max_length=60, blank=True, db_index=True,
                                 help_text=_("For example CIDI/TRABAJO/doc.5/21"))
    revision = models.PositiveSmallIntegerField(_("revision"), default=0, help_text=_("The N of rev.N; 0 for the first text."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    date = models.DateField(_("date"), null=True, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to="conference/documents/%Y/", blank=True,
                            max_length=300)
    # What the importer last read, so importing the same text again changes nothing.
    source_sha256 = models.CharField(_("checksum of the imported text"), max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True, editable=False)
    # Every deadline the plan writes, as {"text", "date", "mandate"} (the import key of the mandate whose
    # text holds it, or null for a deadline of the plan's procedures).
    deadlines = models.JSONField(_("deadlines"), default=list, blank=True)
    import_warnings = models.JSONField(_("warnings of the last import"), default=list, blank=True, editable=False)
    # history: registered with the translated title in translation.py. The title is the document's name in
    # each language ("Plan de Acción de Puerto España" for the English text too), so a reader of any
    # language finds it by its name; the text itself stays in ``language``.

    objects = ConferenceDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["conference__number", "kind", "language"]
        verbose_name = _("conference document")
        verbose_name_plural = _("conference documents")
        constraints = [
            models.UniqueConstraint(fields=["conference", "kind", "language"], name="one_document_per_kind_language"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.DECLARATION:
            return reverse("conference:declaration", kwargs={"pk": self.pk})
        return reverse("conference:plan", kwargs={"pk": self.pk})

    def get_file_url(self) -> str:
        return reverse("conference:document_file", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        """Adopted and final texts are public documents of the OAS; drafts are for the Secretariat."""
        return self.archived_at is None and self.status in (self.Status.ADOPTED, self.Status.FINAL)

    @property
    def is_draft_plan(self) -> bool:
        return self.kind == self.Kind.PLAN_OF_ACTION and self.status == self.Status.DRAFT

    def is_visible_to(self, user) -> bool:
        """May ``user`` read this plan and what is under it? An adopted or final plan is public; a draft one
        is under negotiation among the network's participants (``conference.view_draft_plan``); an archived
        one is gone. The pages answer 404 where this is false (``rules.py``: ``conference.view_plan``)."""
        return self.archived_at is None and user.has_perm("conference.view_plan", self)

    @property
    def full_code(self) -> str:
        """``OEA/Ser.K/XII.21.1 rev.2`` — the official code with its revision."""
        code = self.code or self.cidi_code
        return f"{code} rev.{self.revision}" if code and self.revision else code


class WorkingGroup(models.Model):
    """One of the (usually two) working groups elected by a conference for the cycle that follows it."""

    conference = models.ForeignKey(Conference, verbose_name=_("conference"), on_delete=models.PROTECT,
                                   related_name="working_groups")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=400, blank=True)
    chair = models.ForeignKey(Country, verbose_name=_("chair"), null=True, blank=True, on_delete=models.PROTECT,
                              related_name="chaired_working_groups")
    vice_chairs = models.ManyToManyField(Country, verbose_name=_("vice-chairs"), blank=True,
                                         related_name="vice_chaired_working_groups")
    # The subjects the plan asks the group to follow, as the plan words them (translated: each language
    # version of the plan fills its language).
    priority_topics = models.JSONField(_("topics followed"), default=list, blank=True)
    # The same subjects in the platform's taxonomy, so a topic's page finds the groups that followed it.
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="working_groups")
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["conference__number", "number"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [models.UniqueConstraint(fields=["conference", "number"], name="one_group_number_per_conference")]

    def __str__(self) -> str:
        return _("Working Group %(number)s of the %(conference)s") % {"number": self.number,
                                                                       "conference": self.conference}

    def get_absolute_url(self) -> str:
        return reverse("conference:group", kwargs={"pk": self.pk})

    @property
    def authority_country_ids(self) -> set[int]:
        """Chair and vice-chairs; uses prefetched vice-chairs when present."""
        ids = {country.pk for country in self.vice_chairs.all()}
        if self.chair_id:
            ids.add(self.chair_id)
        return ids


class MandateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def published(self):
        """Mandates the public may read: those of a plan that is neither archived nor a draft (a draft plan's
        mandates are proposals under negotiation, for the network's participants: ``visible_to``)."""
        return self.active().filter(plan__archived_at__isnull=True).exclude(
            plan__kind=ConferenceDocument.Kind.PLAN_OF_ACTION, plan__status=ConferenceDocument.Status.DRAFT)

    def visible_to(self, user):
        """The mandates ``user`` may read: the published ones, and a draft plan's for the network's
        participants (``conference.view_draft_plan``)."""
        if user is not None and user.has_perm("conference.view_draft_plan"):
            return self.active().filter(plan__archived_at__isnull=True)
        return self.published()


class Mandate(Archivable):
    """An activity or commitment of a Plan of Action (or one item of an activity), and its follow-up."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        ONGOING = "ongoing", _("Ongoing")

    class Section(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group activity")
        NETWORK = "network", _("Action of the network (RIAL)")

    plan = models.ForeignKey(ConferenceDocument, verbose_name=_("plan of action"), on_delete=models.PROTECT,
                             related_name="mandates")
    group = models.ForeignKey(WorkingGroup, verbose_name=_("working group"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="mandates")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices, default=Section.WORKING_GROUP)
    parent = models.ForeignKey("self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.CASCADE,
                               related_name="items")
    label = models.CharField(_("label"), max_length=10, blank=True)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Where the importer put this mandate (e.g. "wg2.07", "wg2.07.3", "rial.02"); a later revision of the
    # plan updates the mandate with the same key in place.
    import_key = models.CharField(_("import key"), max_length=30, blank=True, editable=False)
    responsible_institutions = models.ManyToManyField(Institution, verbose_name=_("responsible institutions"),
                                                      blank=True, related_name="mandates")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="mandates")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED,
                              db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0,
                                                validators=[MinValueValidator(0), MaxValueValidator(100)])
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    due_text = models.CharField(_("deadline as written"), max_length=200, blank=True)
    # The due date a reminder was last sent for: one reminder per due cycle.
    reminder_sent_for = models.DateField(_("reminder sent for due date"), null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    # history: registered with the translated fields in translation.py (the text has language versions)

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        indexes = [models.Index(fields=["plan", "position"]), models.Index(fields=["group", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="mandate_progress_at_most_100"),
            models.UniqueConstraint(fields=["plan", "import_key"], condition=~Q(import_key=""),
                                    name="one_mandate_per_import_key"),
        ]

    def __str__(self) -> str:
        return f"{self.label}) {self.text[:80]}" if self.label else self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("conference:mandate", kwargs={"pk": self.pk})

    @property
    def owner_institution_id(self) -> None:
        """Mandates belong to the conference, not to one ministry (authorities write through rules.py)."""
        return None

    def is_overdue_on(self, day: datetime.date) -> bool:
        return self.due_date is not None and self.due_date < day and self.status != self.Status.DONE

    @property
    def is_overdue(self) -> bool:
        """Its due date passed and it is not done (flagged wherever mandates are listed)."""
        return self.is_overdue_on(timezone.localdate())


class ProgressReport(Archivable):
    """A dated account of what was done on a mandate."""

    mandate = models.ForeignKey(Mandate, verbose_name=_("mandate"), on_delete=models.CASCADE,
                                related_name="reports")
    date = models.DateField(_("date"), db_index=True)
    text = models.TextField(_("what was done"))
    institution = models.ForeignKey(Institution, verbose_name=_("reporting institution"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="mandate_reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    progress = models.PositiveSmallIntegerField(_("progress reported (%)"), null=True, blank=True,
                                                validators=[MaxValueValidator(100)])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return _("Report of %(date)s") % {"date": self.date}

    @property
    def owner_institution_id(self) -> int | None:
        return self.institution_id


class Evidence(Archivable):
    """A record anywhere in the platform (or a link) that answers a mandate. One record may answer several."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        INTERNAL = "internal", _("Internal (signed-in members of the network)")

    mandate = models.ForeignKey(Mandate, verbose_name=_("mandate"), on_delete=models.CASCADE,
                                related_name="evidence")
    report = models.ForeignKey(ProgressReport, verbose_name=_("progress report"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="evidence")
    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of record"), null=True, blank=True,
                                     on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.CharField(_("description"), max_length=500)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.PUBLIC, db_index=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-added_at", "-pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(fields=["mandate", "content_type", "object_id"],
                                    condition=Q(object_id__isnull=False), name="record_answers_mandate_once"),
            models.CheckConstraint(condition=Q(object_id__isnull=False) | ~Q(url=""),
                                   name="evidence_has_record_or_link"),
        ]

    def __str__(self) -> str:
        return self.description


class PlanUpload(models.Model):
    """A plan file uploaded for import, read by a background task (``tasks.parse_plan_upload``).

    Parsing a long plan takes seconds and a hostile file could take far more: the upload page stores the
    file and queues the task, and the uploader's page follows the status until the preview is ready.
    Nothing of the plan is saved until the Secretariat confirms the preview.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        PARSING = "parsing", _("Being read")
        READY = "ready", _("Ready for preview")
        FAILED = "failed", _("Could not be read")

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                    verbose_name=_("uploaded by"))
    # Where the file waits in private storage until the plan is saved (a name, like the preview's token).
    stored_name = models.CharField(_("stored file"), max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language of the messages"), max_length=7, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(_("message"), blank=True)
    parsed = models.JSONField(_("parsed plan"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(_("reading started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("reading finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan upload")
        verbose_name_plural = _("plan uploads")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("conference:import_status", args=[self.pk])

    @property
    def waiting(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.PARSING)
