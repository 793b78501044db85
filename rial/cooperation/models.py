"""Bilateral cooperation: calls for proposals, proposals, evaluations, activities, reports and outcomes.

States move only through the workflow functions in ``services.py`` (transition tables there).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.accounts.roles import roles_for
from rial.core.questionnaires import EvaluationAnswer
from rial.core.storage import private_storage
from rial.directory.models import Country, Institution
from rial.portfolio.models import Program
from rial.topics.models import Topic

MONEY = {"max_digits": 12, "decimal_places": 2}
SCORE_MIN, SCORE_MAX = 0, 10


def ordinal(number: int, language: str = "en") -> str:
    """Call numbers as ordinals: 1st, 2nd, 13th, 21st in English; 17.ª in Spanish, 17ª in Portuguese, 17e in French."""
    if language.startswith("es"):
        return f"{number}.ª"
    if language.startswith("pt"):
        return f"{number}ª"
    if language.startswith("fr"):
        return f"{number}{'re' if number == 1 else 'e'}"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class Modality(models.TextChoices):
    PROVIDER_VISIT = "provider_visit", _("Officials of the requesting ministry visit the provider")
    EXPERT_VISIT = "expert_visit", _("Experts of the provider visit the requesting ministry")
    VIRTUAL = "virtual", _("Virtual exchange")


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(state=Call.State.DRAFT)


class Call(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        EVALUATED = "evaluated", _("Evaluated")
        PUBLISHED = "published", _("Results published")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True,
                                 help_text=_("Proposals are accepted until the end of this day."))
    # Private storage, served by views.call_guidelines: a draft call's guidelines have no public address.
    guidelines = models.FileField(_("guidelines document"), storage=private_storage, upload_to="cooperation/guidelines/",
                                  blank=True)
    budget = models.DecimalField(_("budget (USD)"), **MONEY, null=True, blank=True,
                                 validators=[MinValueValidator(Decimal("0"))])
    allows_provider_visit = models.BooleanField(_("officials may visit the provider"), default=True)
    allows_expert_visit = models.BooleanField(_("experts may visit the requester"), default=True)
    allows_virtual = models.BooleanField(_("virtual exchanges allowed"), default=True)
    max_travellers = models.PositiveSmallIntegerField(_("maximum travellers"), default=3,
                                                      validators=[MinValueValidator(1)])
    max_days = models.PositiveSmallIntegerField(_("maximum days"), default=5, validators=[MinValueValidator(1)])
    weight_relevance = models.PositiveSmallIntegerField(_("weight of relevance (%)"), default=30)
    weight_opportunity = models.PositiveSmallIntegerField(_("weight of opportunity (%)"), default=20)
    weight_clarity = models.PositiveSmallIntegerField(_("weight of clarity of objectives (%)"), default=25)
    weight_commitment = models.PositiveSmallIntegerField(_("weight of commitment of all parties (%)"), default=25)
    authorities_evaluate = models.BooleanField(_("working group authorities evaluate too"), default=False)
    authority_evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluators for the authorities"), blank=True, related_name="+",
        help_text=_("People of the authorities' ministries named by the Secretariat to score this call's proposals."))
    report_days = models.PositiveSmallIntegerField(_("days to file the report after the activity"), default=30)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True)
    # Figures reported for historic calls (the platform counts its own proposals for new calls).
    reported_proposals = models.PositiveIntegerField(_("proposals received (reported)"), null=True, blank=True)
    reported_ministries = models.PositiveIntegerField(_("ministries proposing (reported)"), null=True, blank=True)
    reported_selected = models.PositiveIntegerField(_("proposals selected (reported)"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    # history: registered with the translated notes in translation.py (with the evaluators)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(opens_on__isnull=True) | Q(closes_on__gte=models.F("opens_on")),
                name="call_dates_in_order"),
        ]

    def __str__(self) -> str:
        return _("%(ordinal)s call for proposals (%(year)s)") % {"ordinal": self.ordinal, "year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("cooperation:call", kwargs={"number": self.number})

    @property
    def ordinal(self) -> str:
        return ordinal(self.number, get_language() or "en")

    @property
    def modalities(self) -> list[str]:
        allowed = [(self.allows_provider_visit, Modality.PROVIDER_VISIT), (self.allows_expert_visit, Modality.EXPERT_VISIT),
                   (self.allows_virtual, Modality.VIRTUAL)]
        return [modality for allowed_flag, modality in allowed if allowed_flag]

    @property
    def weights(self) -> dict[str, int]:
        return {"relevance": self.weight_relevance, "opportunity": self.weight_opportunity,
                "clarity": self.weight_clarity, "commitment": self.weight_commitment}

    def accepts_proposals(self, now: datetime.datetime | None = None) -> bool:
        today = timezone.localdate(now) if now else timezone.localdate()
        return self.state == self.State.OPEN and (self.closes_on is None or today <= self.closes_on)

    def get_guidelines_url(self) -> str:
        return reverse("cooperation:call_guidelines", kwargs={"number": self.number})

    @property
    def results_public(self) -> bool:
        return self.state == self.State.PUBLISHED


class DestinationRate(models.Model):
    """The call's travel rules for one destination country: economy airfare and daily per diem (USD)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rates")
    country = models.ForeignKey(Country, verbose_name=_("destination"), on_delete=models.PROTECT, related_name="+")
    airfare = models.DecimalField(_("economy airfare per traveller (USD)"), **MONEY,
                                  validators=[MinValueValidator(Decimal("0"))])
    per_diem = models.DecimalField(_("per diem (USD a day)"), **MONEY, validators=[MinValueValidator(Decimal("0"))])
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("rate by destination")
        verbose_name_plural = _("rates by destination")
        constraints = [models.UniqueConstraint(fields=["call", "country"], name="one_rate_per_destination")]

    def __str__(self) -> str:
        return f"{self.call} — {self.country}"


class ProposalQuerySet(models.QuerySet):
    def published(self):
        """Selected proposals of calls whose results are public."""
        return self.filter(call__state=Call.State.PUBLISHED, state=Proposal.State.SELECTED)

    def visible_to(self, user):
        """Published results for everyone; a focal point also sees their ministry's; the Secretariat all."""
        roles = roles_for(user)
        if roles.is_secretariat:
            return self
        mine = roles.focal_point_for | roles.member_of
        return self.filter(Q(call__state=Call.State.PUBLISHED, state=Proposal.State.SELECTED)
                           | Q(requesting_id__in=mine) | Q(providing_id__in=mine)).distinct()


class Proposal(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals")
    requesting = models.ForeignKey(Institution, verbose_name=_("requesting ministry"), on_delete=models.PROTECT,
                                   related_name="cooperation_requests")
    providing = models.ForeignKey(Institution, verbose_name=_("providing ministry"), on_delete=models.PROTECT,
                                  related_name="cooperation_offers")
    beneficiaries = models.ManyToManyField(Institution, verbose_name=_("further beneficiary ministries"), blank=True,
                                           related_name="cooperation_benefits")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="cooperation_proposals")
    program = models.ForeignKey(Program, verbose_name=_("program of the portfolio it draws on"), null=True,
                                blank=True, on_delete=models.PROTECT, related_name="cooperation_proposals")
    title = models.CharField(_("title"), max_length=250)
    objectives = models.TextField(_("objectives"), max_length=4000)
    expected_results = models.TextField(_("expected results"), max_length=4000)
    agenda = models.TextField(_("agenda by day"), max_length=6000,
                              help_text=_("One line per day, in order: what the visit does that day."))
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices)
    travellers = models.PositiveSmallIntegerField(_("number of travellers"), validators=[MinValueValidator(1)])
    days = models.PositiveSmallIntegerField(_("number of days"), validators=[MinValueValidator(1)])
    cost_estimate = models.DecimalField(_("cost estimate (USD)"), **MONEY, default=Decimal("0"))
    state = models.CharField(_("state"), max_length=14, choices=State.choices, default=State.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("submitted by"))
    commitment_confirmed_at = models.DateTimeField(_("commitment confirmed at"), null=True, blank=True)
    commitment_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                                on_delete=models.SET_NULL, related_name="+",
                                                verbose_name=_("commitment confirmed by"))
    score = models.DecimalField(_("weighted score"), max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords()

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["call", "rank", "title"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["call", "state"]), models.Index(fields=["requesting", "state"])]
        constraints = [
            models.CheckConstraint(condition=~Q(requesting=models.F("providing")),
                                   name="proposal_parties_differ"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:proposal", kwargs={"pk": self.pk})

    @property
    def owner_institution_id(self) -> int:
        return self.requesting_id

    @property
    def agenda_days(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def commitment_confirmed(self) -> bool:
        return self.commitment_confirmed_at is not None

    def party_ids(self) -> set[int]:
        """Every ministry taking part: requester, provider and further beneficiaries."""
        return {self.requesting_id, self.providing_id, *(b.pk for b in self.beneficiaries.all())}


class Evaluation(models.Model):
    """One evaluator's scores of one proposal (0–10 per criterion)."""

    score_validators = [MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="evaluations")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("evaluator"))
    relevance = models.PositiveSmallIntegerField(_("relevance"), validators=score_validators)
    opportunity = models.PositiveSmallIntegerField(_("opportunity"), validators=score_validators)
    clarity = models.PositiveSmallIntegerField(_("clarity of objectives"), validators=score_validators)
    commitment = models.PositiveSmallIntegerField(_("commitment of all parties"), validators=score_validators)
    comments = models.TextField(_("comments"), max_length=4000, blank=True)
    weighted = models.DecimalField(_("weighted score"), max_digits=6, decimal_places=2)
    created_at = models.DateTimeField(_("scored at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "evaluator"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "evaluator"], name="one_evaluation_per_evaluator"),
            *[models.CheckConstraint(condition=Q(**{f"{name}__lte": SCORE_MAX}), name=f"evaluation_{name}_in_range")
              for name in ("relevance", "opportunity", "clarity", "commitment")],
        ]

    def __str__(self) -> str:
        return f"{self.proposal} — {self.evaluator}"


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """Historic (reference) activities and those of calls whose results are published."""
        return self.filter(Q(proposal__isnull=True) | Q(call__state=Call.State.PUBLISHED))

    def completed(self):
        return self.filter(state__in=[Activity.State.EXECUTED, Activity.State.COMPLETED])


class Activity(models.Model):
    """A cooperation activity: selected from a proposal, or documented from the network's history."""

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        EXECUTED = "executed", _("Executed")
        COMPLETED = "completed", _("Completed (reported and followed up)")
        CANCELLED = "cancelled", _("Cancelled")

    call = models.ForeignKey(Call, verbose_name=_("call"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="activities")
    proposal = models.OneToOneField(Proposal, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="activity", verbose_name=_("proposal"))
    # For an activity from a proposal: first = requesting, second = providing. Historic sources often do not say.
    first_party = models.ForeignKey(Institution, verbose_name=_("requesting ministry"), on_delete=models.PROTECT,
                                    related_name="cooperation_first")
    second_party = models.ForeignKey(Institution, verbose_name=_("providing ministry"), on_delete=models.PROTECT,
                                     related_name="cooperation_second")
    direction_known = models.BooleanField(_("who requested and who provided is known"), default=True)
    title = models.CharField(_("title"), max_length=250)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="cooperation_activities")
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True, db_index=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    travellers = models.TextField(_("travellers"), max_length=2000, blank=True,
                                  help_text=_("One line per traveller: name, position, ministry."))
    agenda_carried_out = models.TextField(_("agenda carried out"), max_length=6000, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PLANNED, db_index=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    # history: registered with the translated title and notes in translation.py

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("cooperation activity")
        verbose_name_plural = _("cooperation activities")
        indexes = [models.Index(fields=["state", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="cooperation_activity_dates_in_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:activity", kwargs={"pk": self.pk})

    @property
    def owner_institution_id(self) -> int:
        return self.first_party_id

    def party_ids(self) -> set[int]:
        if self.proposal_id:
            return self.proposal.party_ids()
        return {self.first_party_id, self.second_party_id}

    @property
    def report_deadline(self) -> datetime.date | None:
        if self.ends_on is None:
            return None
        days = self.call.report_days if self.call_id else 30
        return self.ends_on + datetime.timedelta(days=days)

    @property
    def follow_up_due(self) -> datetime.date | None:
        return self.ends_on + datetime.timedelta(days=182) if self.ends_on else None


class Report(models.Model):
    """The report a party ministry files after the activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reports")
    institution = models.ForeignKey(Institution, verbose_name=_("ministry"), on_delete=models.PROTECT, related_name="+")
    summary = models.TextField(_("what was done and learned"), max_length=8000)
    filed_at = models.DateTimeField(_("filed at"), default=timezone.now)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["filed_at"]
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        constraints = [models.UniqueConstraint(fields=["activity", "institution"], name="one_report_per_party")]

    def __str__(self) -> str:
        return f"{self.activity} — {self.institution}"

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class Outcome(models.Model):
    """A result observed at the six-month follow-up, in the network's impact categories."""

    class Category(models.TextChoices):
        NEW_PRODUCT = "new_product", _("New products, services or programs")
        REVISED_PROGRAM = "revised_program", _("Revised or improved programs")
        TRAINING = "training", _("Training designed or changed")
        PROCESS = "process", _("Internal processes changed")
        LEGAL_REFORM = "legal_reform", _("Legal or regulatory reform")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outcomes")
    institution = models.ForeignKey(Institution, verbose_name=_("ministry"), on_delete=models.PROTECT, related_name="+")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, db_index=True)
    description = models.TextField(_("description"), max_length=4000)
    evidence = models.TextField(_("evidence"), max_length=2000,
                                help_text=_("Where the outcome can be checked: a resolution, a web page, a document."))
    adopted_program = models.ForeignKey(Program, verbose_name=_("portfolio program adopted"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="cooperation_adoptions")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_at"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.activity}"

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class Participant(models.Model):
    """A person who took part in an activity: answers the questionnaire and receives a certificate."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    institution = models.ForeignKey(Institution, verbose_name=_("ministry"), on_delete=models.PROTECT, related_name="+")
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.full_name

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class QuestionnaireAnswer(EvaluationAnswer):
    """A participant's evaluation of the activity right after it (the shared questionnaire of rial.core)."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="answer")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")
        constraints = [
            models.CheckConstraint(condition=EvaluationAnswer.ratings_in_range(),
                                   name="questionnaire_ratings_in_range"),
        ]

    def __str__(self) -> str:
        return str(self.participant)
