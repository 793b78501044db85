"""Social security agreements, their parties and the dates from which they apply.

Dates in the sources are sometimes unconfirmed or known only to the year: every date carries a
``*_certain`` flag, and the date of signature a precision, so an uncertain fact is never shown as a sure one.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.models import Archivable, ArchivableQuerySet
from rial.directory.models import Country


class Status(models.TextChoices):
    SIGNED = "signed", _("Signed, not in force")
    IN_FORCE = "in_force", _("In force")
    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")


# The branches of social security an agreement may cover, in the order people read them.
BRANCHES = {
    "old_age": _("Old age"),
    "invalidity": _("Invalidity"),
    "survivors": _("Survivors"),
    "occupational_injury": _("Occupational injury and disease"),
    "health_care": _("Health care"),
    "family": _("Family benefits"),
    "unemployment": _("Unemployment"),
}


class AgreementQuerySet(ArchivableQuerySet):
    def with_parties(self):
        return self.prefetch_related(
            models.Prefetch("parties", queryset=AgreementParty.objects.select_related("country")))

    def visible_to(self, user):
        """Published agreements; those who may (the Secretariat) also see archived ones."""
        return self if user.has_perm("agreements.view_archived") else self.active()

    def listing(self, user, filters: dict):
        """The list page, the export and the API list: visible, filtered, with parties, in one order."""
        return (self.visible_to(user).filtered(**filters).distinct().with_parties().order_by("kind", "title"))

    def filtered(self, *, country: str = "", kind: str = "", status: str = "", branch: str = ""):
        """The list, export and API filters. Values are already checked against their choices."""
        agreements = self
        if country:
            agreements = agreements.filter(parties__country__iso2=country.upper())
        if kind:
            agreements = agreements.filter(kind=kind)
        if status:
            agreements = agreements.filter(status=status)
        if branch:
            if branch not in BRANCHES:
                raise ValueError(branch)
            agreements = agreements.filter(**{branch: True})
        return agreements


class Agreement(Archivable):
    class Kind(models.TextChoices):
        BILATERAL = "bilateral", _("Bilateral")
        MULTILATERAL = "multilateral", _("Multilateral")
        INSTITUTIONAL = "institutional", _("Between institutions")

    class Precision(models.TextChoices):
        DAY = "day", _("Exact day")
        YEAR = "year", _("Year only")

    slug = models.SlugField(_("short name"), max_length=120, unique=True)
    # Translated (title_en, title_es…) in translation.py; ``original_title`` is the authentic text's title.
    title = models.CharField(_("title"), max_length=300)
    original_title = models.CharField(_("title in the original language"), max_length=300, blank=True)
    original_language = models.CharField(_("original language"), max_length=8, blank=True,
                                         help_text=_("ISO 639-1 code, e.g. es, en, pt, fr."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    status_certain = models.BooleanField(_("status confirmed"), default=True)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)

    signed = models.DateField(_("signed"), null=True, blank=True)
    signed_precision = models.CharField(_("precision of the date of signature"), max_length=4,
                                        choices=Precision.choices, default=Precision.DAY)
    signed_certain = models.BooleanField(_("date of signature confirmed"), default=True)
    approved = models.DateField(_("approved"), null=True, blank=True)
    approved_certain = models.BooleanField(_("date of approval confirmed"), default=True)
    in_force = models.DateField(_("in force since"), null=True, blank=True, db_index=True)
    in_force_certain = models.BooleanField(_("date of entry into force confirmed"), default=True)
    ended = models.DateField(_("ended"), null=True, blank=True,
                             help_text=_("Date of termination or suspension, if any."))

    # Branches covered: one boolean each, so a filter is a plain indexed column on every database.
    old_age = models.BooleanField(_("old age"), default=False)
    invalidity = models.BooleanField(_("invalidity"), default=False)
    survivors = models.BooleanField(_("survivors"), default=False)
    occupational_injury = models.BooleanField(_("occupational injury and disease"), default=False)
    health_care = models.BooleanField(_("health care"), default=False)
    family = models.BooleanField(_("family benefits"), default=False)
    unemployment = models.BooleanField(_("unemployment"), default=False)
    branches_as_written = models.CharField(_("branches as written in the source"), max_length=300, blank=True)

    # Provisions: None means the source does not say (shown as "not recorded", never as "no").
    totalization = models.BooleanField(_("totalization of periods"), null=True, blank=True)
    export_of_benefits = models.BooleanField(_("export of benefits"), null=True, blank=True)
    posted_workers = models.BooleanField(_("rules for posted workers"), null=True, blank=True)
    max_detachment_months = models.PositiveSmallIntegerField(_("maximum detachment period (months)"),
                                                             null=True, blank=True)
    administrative_arrangement = models.CharField(_("administrative arrangement"), max_length=300, blank=True)
    provisions_source = models.CharField(_("source of the provisions"), max_length=500, blank=True)

    text_url = models.URLField(_("text of the agreement"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=300)
    verified = models.BooleanField(_("verified"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    # history: registered with the translated fields in translation.py

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("social security agreement")
        verbose_name_plural = _("social security agreements")
        indexes = [models.Index(fields=[name], name=f"agr_{name[:20]}_idx") for name in BRANCHES]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"slug": self.slug})

    @property
    def branches(self) -> list[str]:
        return [name for name in BRANCHES if getattr(self, name)]

    @property
    def branch_labels(self) -> list[str]:
        return [BRANCHES[name] for name in self.branches]

    @property
    def is_certain(self) -> bool:
        return self.status_certain and self.in_force_certain and self.signed_certain

    @property
    def signed_year_only(self) -> bool:
        return self.signed_precision == self.Precision.YEAR

    @property
    def earliest_possible_signature(self) -> datetime.date | None:
        """A year-only date of signature may be any day of that year: compare with its first day."""
        if self.signed is None:
            return None
        if self.signed_precision == self.Precision.YEAR:
            return self.signed.replace(month=1, day=1)
        return self.signed

    def clean(self) -> None:
        errors = {}
        signed = self.earliest_possible_signature
        if signed and self.in_force and self.in_force < signed:
            errors["in_force"] = _("The entry into force cannot precede the signature.")
        if signed and self.approved and self.approved < signed:
            errors["approved"] = _("The approval cannot precede the signature.")
        if self.ended and self.in_force and self.ended < self.in_force:
            errors["ended"] = _("The end cannot precede the entry into force.")
        if self.status == Status.IN_FORCE and not self.in_force:
            errors["in_force"] = _("An agreement in force needs the date of its entry into force.")
        if self.status in (Status.SUSPENDED, Status.TERMINATED) and not self.ended:
            errors["ended"] = _("A suspended or terminated agreement needs the date it ended.")
        if self.max_detachment_months is not None and self.posted_workers is False:
            errors["max_detachment_months"] = _(
                "A maximum detachment period needs rules for posted workers.")
        if errors:
            raise ValidationError(errors)


class AgreementParty(models.Model):
    """A country or territory party to an agreement, with its own dates and status (multilateral ones)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    country = models.ForeignKey(Country, verbose_name=_("country or territory"), on_delete=models.PROTECT,
                                related_name="agreement_parties")
    status = models.CharField(_("status for this party"), max_length=20, choices=Status.choices, db_index=True)
    status_certain = models.BooleanField(_("status confirmed"), default=True)
    ratified = models.DateField(_("ratified"), null=True, blank=True)
    deposited = models.DateField(_("instrument deposited"), null=True, blank=True)
    effective = models.DateField(_("effective application"), null=True, blank=True)
    dates_certain = models.BooleanField(_("dates confirmed"), default=True)
    ended = models.DateField(_("withdrawn or terminated"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [models.UniqueConstraint(fields=["agreement", "country"], name="agreement_party_once")]

    def __str__(self) -> str:
        return f"{self.country} — {self.agreement}"

    def clean(self) -> None:
        try:
            agreement = self.agreement
        except Agreement.DoesNotExist:
            return  # the form reports the missing agreement itself
        signed = agreement.earliest_possible_signature
        errors = {}
        labels = {"ratified": _("ratified"), "deposited": _("instrument deposited"),
                  "effective": _("effective application"), "ended": _("withdrawn or terminated")}
        for name, label in labels.items():
            value = getattr(self, name)
            if value is None:
                continue
            if signed and value < signed:
                errors[name] = _("%(field)s (%(date)s) is before the agreement was signed (%(signed)s).") % {
                    "field": label, "date": value.isoformat(), "signed": signed.isoformat()}
            elif agreement.ended and value > agreement.ended:
                errors[name] = _("%(field)s (%(date)s) is after the agreement ended (%(ended)s).") % {
                    "field": label, "date": value.isoformat(), "ended": agreement.ended.isoformat()}
        if self.status in (Status.SUSPENDED, Status.TERMINATED) and not self.ended and not agreement.ended:
            errors["ended"] = _("A party that suspended or left the agreement needs the date it did so.")
        if self.effective and agreement.in_force and self.effective < agreement.in_force and "effective" not in errors:
            errors["effective"] = _(
                "The effective application (%(date)s) cannot precede the agreement's entry into force (%(in_force)s)."
            ) % {"date": self.effective.isoformat(), "in_force": agreement.in_force.isoformat()}
        if errors:
            raise ValidationError(errors)


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The Secretariat sees every proposal; a focal point those of the ministries they act for."""
        if user.has_perm("agreements.review_proposal"):
            return self
        from rial.accounts.roles import roles_for

        return self.filter(institution_id__in=roles_for(user).focal_point_for)


class Proposal(models.Model):
    """A focal point's correction to an agreement of their country, or an agreement missing from the records.

    The Secretariat reviews it against the source given: accepted, returned for more information, or
    rejected with a reason. Accepting a missing agreement adds it to the records; a correction is made by
    the Secretariat in the admin, from the proposal. Every move is kept in ``ProposalTransition``.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction to an agreement")
        NEW = "new", _("Agreement missing from the records")

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for more information")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("kind of proposal"), max_length=12, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SUBMITTED,
                             db_index=True)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT,
                                related_name="agreement_proposals")
    institution = models.ForeignKey("directory.Institution", verbose_name=_("ministry"), on_delete=models.PROTECT,
                                    related_name="agreement_proposals")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="proposals")
    # A missing agreement: the other country, and the dates as the source gives them.
    partner = models.ForeignKey(Country, verbose_name=_("other country"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title of the agreement"), max_length=300, blank=True)
    signed = models.DateField(_("signed"), null=True, blank=True)
    in_force = models.DateField(_("in force since"), null=True, blank=True)
    description = models.TextField(_("what should change, or what the agreement covers"), max_length=4000)
    source = models.CharField(_("source"), max_length=300,
                              help_text=_("Where a reader can check it: an official gazette, a ministry's list, a treaty register."))
    source_url = models.URLField(_("address of the source"), max_length=500, blank=True)
    proposed_by = models.ForeignKey("accounts.User", verbose_name=_("proposed by"), on_delete=models.PROTECT,
                                    related_name="agreement_proposals")
    review_comment = models.TextField(_("Secretariat's comment"), blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposed change to the agreements")
        verbose_name_plural = _("proposed changes to the agreements")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.agreement or self.title} ({self.country})"

    def get_absolute_url(self) -> str:
        return reverse("agreements:proposal", kwargs={"pk": self.pk})

    @property
    def owner_institution_id(self) -> int:
        # The permission rules name the ministry a record belongs to (rial/accounts/rules.py).
        return self.institution_id


class ProposalTransition(models.Model):
    """One move of a proposal: who, when, from which state to which, and the comment given."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=20)
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12)
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("step of a proposal")
        verbose_name_plural = _("steps of proposals")

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_state or '-'} → {self.to_state}"

    @property
    def to_state_label(self) -> str:
        return Proposal.State(self.to_state).label
