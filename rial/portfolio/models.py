"""Ministries' programs offered for peer cooperation, their review workflow and collections.

A program is one row from first draft to publication. An update to a published program is a second
row (``revision_of`` → the published one) that goes through the same review while the published
version stays visible; publishing the revision copies its content onto the published row.
"""

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from rial.core.models import Archivable, ArchivableQuerySet, TransitionRecord
from rial.directory.models import Institution
from rial.topics.models import Topic

# A published program not reviewed for this long is flagged and its focal points are reminded.
REVIEW_INTERVAL = datetime.timedelta(days=365)
# The review cycle of a program published without a review date (imports of old data).
NEVER_REVIEWED = datetime.date(1970, 1, 1)



class TargetPopulation(models.Model):
    """Who a program serves (youth, women, migrant workers…): a short list kept by the Secretariat."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["position"]
        verbose_name = _("target population")
        verbose_name_plural = _("target populations")

    def __str__(self) -> str:
        return self.name


class Collection(models.Model):
    """A portfolio collection of its own, such as the Portfolio of Responses to COVID-19."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["slug"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:collection", kwargs={"slug": self.slug})


SORT_LANGUAGES = LANGUAGE_CODES  # one country_sort_<code> field per interface language
SORT_FIELDS = tuple(f"country_sort_{code}" for code in SORT_LANGUAGES)


class ProgramQuerySet(ArchivableQuerySet):
    def originals(self):
        """Programs themselves, not the pending revisions of published ones."""
        return self.filter(revision_of__isnull=True)

    def published(self):
        return self.active().originals().filter(status=Program.Status.PUBLISHED)

    def due_for_review(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.published().filter(Q(last_reviewed_at__isnull=True) | Q(last_reviewed_at__lte=on - REVIEW_INTERVAL))

    def for_list(self):
        """Programs as every list, page and export shows them: with their ministry, country and collection, and
        their topics and target populations as plain lists (``topic_list``, ``population_list``), one query each.

        ``Prefetch(to_attr=…)`` and not ``prefetch_related("topics")``: the latter gives each program a related
        manager and a filtered queryset (modeltranslation's manager rewrites every filter): prefetching and
        reading both relations of 50 programs took 10.7 ms that way, 2.9 ms this way."""
        return self.select_related("ministry__country", "collection").prefetch_related(
            Prefetch("topics", to_attr="topic_list"), Prefetch("populations", to_attr="population_list"))


class Program(Archivable):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned with comments")
        PUBLISHED = "published", _("Published")

    ministry = models.ForeignKey(Institution, verbose_name=_("ministry"), on_delete=models.PROTECT,
                                 related_name="programs", limit_choices_to={"kind": Institution.Kind.MINISTRY})
    collection = models.ForeignKey(Collection, verbose_name=_("collection"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="programs",
                                   help_text=_("Empty for the Portfolio of Programs itself."))
    # Translated content fields (translation.py): name, summary, objectives, results, legal_basis, funding.
    name = models.CharField(_("name"), max_length=300)
    summary = models.TextField(_("summary"), max_length=3000)
    objectives = models.TextField(_("objectives"), max_length=5000, blank=True)
    results = models.TextField(_("results and evidence"), max_length=5000, blank=True)
    legal_basis = models.TextField(_("legal basis"), max_length=2000, blank=True)
    funding = models.CharField(_("funding"), max_length=300, blank=True,
                               help_text=_("Who pays for the program (optional)."))
    populations = models.ManyToManyField(TargetPopulation, verbose_name=_("target populations"), blank=True,
                                         related_name="programs")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="programs")
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty while the program goes on."))
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. USD."))
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), max_length=254, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages available"), default=list, blank=True)
    offered_for_cooperation = models.BooleanField(_("offered for cooperation"), default=True, db_index=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    # COVID-19 responses (and other collections): where the measure is described, and as of when.
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    updated_as_of = models.DateField(_("updated as of"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    review_comment = models.TextField(_("comments of the review"), blank=True)
    last_reviewed_at = models.DateField(_("last reviewed"), null=True, blank=True, db_index=True)
    # The last_reviewed_at value for which the focal points were reminded: one reminder per cycle.
    reminded_for = models.DateField(_("reminder sent for review of"), null=True, blank=True)
    revision_of = models.ForeignKey("self", verbose_name=_("update of"), null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="revisions")
    is_demo = models.BooleanField(_("demo record"), default=False,
                                  help_text=_("Invented for the demonstration; not a real program."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The public list is ordered by the ministry's country name in the reader's language. A copy of that name on
    # the program lets the database read the list along an index (program_list_<lang>_idx) and stop after one page, where
    # ordering through the join sorted every published program first. Kept by save() and by the receivers in
    # rial/portfolio/sorting.py when a country or a ministry changes; bulk writes call sorting.refresh().
    country_sort_en = models.CharField(max_length=100, blank=True, editable=False)
    country_sort_es = models.CharField(max_length=100, blank=True, editable=False)
    country_sort_pt = models.CharField(max_length=100, blank=True, editable=False)
    country_sort_fr = models.CharField(max_length=100, blank=True, editable=False)
    # history: registered with the translated fields in translation.py (without the country_sort copies)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        indexes = [
            models.Index(fields=["status", "archived_at", "revision_of"], name="program_public_idx"),
            models.Index(fields=["ministry", "status"], name="program_ministry_idx"),
            # The Portfolio's public list in each language, in its order (queries.public_programs). Its status is
            # a column, not part of the condition: SQLite uses a partial index only when the query spells the
            # condition's constants, and Django sends the status as a parameter. The IS NULL filters are the
            # condition: PostgreSQL does not take "IS NULL" on leading columns as fixing the order after them.
            *(models.Index(fields=["status", f"country_sort_{code}", f"name_{code}", "id"],
                           condition=Q(archived_at__isnull=True, revision_of__isnull=True, collection__isnull=True),
                           name=f"program_list_{code}_idx")
              for code in SORT_LANGUAGES),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                                   name="program_period_in_order"),
            # One pending update at a time per published program.
            models.UniqueConstraint(fields=["revision_of"], condition=Q(archived_at__isnull=True),
                                    name="program_one_pending_revision"),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        program = super().from_db(db, field_names, values)
        # The sort copies read from the database are those of this ministry: save() need not look them up.
        program._country_sort_of = program.__dict__.get("ministry_id")
        return program

    def save(self, *args, **kwargs):
        if self.ministry_id is not None and getattr(self, "_country_sort_of", None) != self.ministry_id:
            country = self.ministry.country
            for code in SORT_LANGUAGES:
                setattr(self, f"country_sort_{code}", (getattr(country, f"name_{code}") or "") if country else "")
            self._country_sort_of = self.ministry_id
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *SORT_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portfolio:detail", kwargs={"pk": self.revision_of_id or self.pk})

    @property
    def owner_institution_id(self) -> int:
        return self.ministry_id

    @property
    def country(self):
        return self.ministry.country

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def review_due_on(self) -> datetime.date | None:
        return self.last_reviewed_at + REVIEW_INTERVAL if self.last_reviewed_at else None

    @property
    def needs_review(self) -> bool:
        if not self.is_published or self.is_revision:
            return False
        due = self.review_due_on()
        return due is None or due <= timezone.localdate()

    @property
    def review_cycle(self) -> datetime.date:
        return self.last_reviewed_at or NEVER_REVIEWED

    @property
    def reminder_sent(self) -> bool:
        """The focal points were reminded for the current review cycle."""
        return self.reminded_for == self.review_cycle

    def language_labels(self) -> list[str]:
        labels = dict(LANGUAGE_CHOICES)
        return [str(labels.get(code, code)) for code in self.languages]

    # What templates, the API, exports and search read; ProgramQuerySet.for_list() fills both for a whole list
    # in one query each (Django's prefetch knows these cached properties), a program read alone queries here.
    @cached_property
    def topic_list(self) -> list[Topic]:
        return list(self.topics.all())

    @cached_property
    def population_list(self) -> list[TargetPopulation]:
        return list(self.populations.all())


TRANSITION_LABELS = {
    "create": _("Drafted"),
    "submit": _("Submitted for review"),
    "publish": _("Published"),
    "return": _("Returned with comments"),
    "confirm_review": _("Review confirmed: still current"),
    "update_published": _("Update published"),
    "import": _("Imported"),
}


class ProgramTransition(TransitionRecord):
    """Who moved a program from one state to another, when, and with which comment."""

    ACTION_LABELS = TRANSITION_LABELS

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=Program.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Program.Status.choices)

    class Meta(TransitionRecord.Meta):
        verbose_name = _("program transition")
        verbose_name_plural = _("program transitions")
        indexes = [models.Index(fields=["program", "at"])]

    def __str__(self) -> str:
        return f"{self.program_id}: {self.from_status} → {self.to_status}"
