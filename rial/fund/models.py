"""The fund's books: an append-only ledger of entries, one lock row per currency, and allocations.

An :class:`Entry` is never changed or deleted once written (the model refuses, and on PostgreSQL a
trigger refuses too); a mistake is corrected by a reversing entry that carries the opposite amount.
Amounts are exact decimals in the entry's currency, with their USD value at the entry's date.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.directory.models import Country, Institution
from rial.fund.currencies import Currency

MONEY = {"max_digits": 14, "decimal_places": 2}


class Category(models.TextChoices):
    """What an expense (or an allocation) is for, as in the fund's financial reports."""

    AIRFARE = "airfare", _("Airfare")
    PER_DIEM = "per_diem", _("Per diem")
    WORKSHOP = "workshop", _("Workshops")
    STUDY = "study", _("Studies")
    OPERATION = "operation", _("Operation")
    COMMUNICATIONS = "communications", _("Communications")
    BILATERAL = "bilateral", _("Bilateral cooperation")


class ImmutableEntry(Exception):
    """Raised on any attempt to change or delete a ledger entry."""


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableEntry("Ledger entries cannot be changed; record a reversing entry instead.")

    def delete(self):
        raise ImmutableEntry("Ledger entries cannot be deleted; record a reversing entry instead.")

    def cash(self):
        return self.filter(in_kind=False)

    def incoming(self):
        return self.filter(kind__in=Entry.INCOMING)

    def outgoing(self):
        return self.filter(kind__in=Entry.OUTGOING)

    def received(self):
        return self.filter(kind=Entry.Kind.CONTRIBUTION)

    def spent(self):
        return self.filter(kind__in=Entry.SPENDING)

    def for_object(self, obj):
        """Entries charged to ``obj`` (a cooperation activity, an event, a study…)."""
        return self.filter(paid_for_type=ContentType.objects.get_for_model(obj), paid_for_id=obj.pk)


class Entry(models.Model):
    class Kind(models.TextChoices):
        # The IATI 2.03 transaction types the fund uses (code in iati_code).
        PLEDGE = "pledge", _("Pledge")                       # Incoming Pledge (13)
        CONTRIBUTION = "contribution", _("Contribution received")  # Incoming Funds (1)
        COMMITMENT = "commitment", _("Commitment")           # Outgoing Commitment (2)
        DISBURSEMENT = "disbursement", _("Disbursement")     # Disbursement (3)
        EXPENDITURE = "expenditure", _("Expenditure")        # Expenditure (4)

    class Funding(models.TextChoices):
        VOLUNTARY = "voluntary", _("Voluntary contribution of a member state")
        CO_FINANCING = "co_financing", _("Co-financing from another body")

    IATI_CODES = {"pledge": "13", "contribution": "1", "commitment": "2", "disbursement": "3", "expenditure": "4"}
    INCOMING = (Kind.PLEDGE, Kind.CONTRIBUTION)
    OUTGOING = (Kind.COMMITMENT, Kind.DISBURSEMENT, Kind.EXPENDITURE)
    # The kinds that move cash out of the fund (a commitment only promises to).
    SPENDING = (Kind.DISBURSEMENT, Kind.EXPENDITURE)

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, db_index=True)
    in_kind = models.BooleanField(
        _("in kind"), default=False, db_index=True,
        help_text=_("Support given as services or goods at a stated value; never part of the cash balance."))
    amount = models.DecimalField(_("amount"), **MONEY,
                                 help_text=_("In the entry's currency; negative only on a reversing entry."))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, db_index=True)
    usd_value = models.DecimalField(_("value in USD"), **MONEY, help_text=_("The USD value at the entry's date."))
    date = models.DateField(_("date"), db_index=True)
    # A historical figure covers a period rather than a day (e.g. "spent 2011–2015"): `date` is then the
    # period's end, `period_start` its start when the source gives one.
    aggregate = models.BooleanField(_("total over a period"), default=False)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True, db_index=True)
    funding = models.CharField(_("funding"), max_length=20, choices=Funding.choices, blank=True)
    contributor = models.ForeignKey(Institution, verbose_name=_("contributor"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="fund_entries")
    contributor_name = models.CharField(
        _("contributor (if not in the directory)"), max_length=300, blank=True)
    country = models.ForeignKey(Country, verbose_name=_("country"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="fund_entries")
    # What the money paid for: a cooperation activity, an event, a study… of any app.
    paid_for_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("paid for (type)"))
    paid_for_id = models.PositiveBigIntegerField(_("paid for (id)"), null=True, blank=True)
    paid_for = GenericForeignKey("paid_for_type", "paid_for_id")
    description = models.CharField(_("description"), max_length=500)
    fulfils = models.ForeignKey("self", verbose_name=_("fulfils the pledge"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="fulfilments",
                                limit_choices_to={"kind": "pledge"})
    reverses = models.OneToOneField("self", verbose_name=_("reverses"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversed_by")
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=True)
    # The row of the reference data this entry was loaded from, so loading again adds nothing twice.
    reference_key = models.CharField(_("reference key"), max_length=80, blank=True, db_index=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()
    # Append-only: the history pages show the entry's versions but never restore one (rial/core/views.py).
    history_restorable = False

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [
            models.Index(fields=["currency", "in_kind", "kind"]),
            models.Index(fields=["paid_for_type", "paid_for_id"]),
        ]
        constraints = [
            # An ordinary entry is positive; only a reversing entry carries a negative amount.
            # …or a historical total that corrects its source's rounding (see data/history_2016.csv).
            models.CheckConstraint(condition=Q(reverses__isnull=False) | Q(amount__gt=0) | Q(aggregate=True),
                                   name="fund_entry_amount_positive"),
            models.CheckConstraint(condition=Q(reverses__isnull=True) | Q(amount__lt=0),
                                   name="fund_entry_reversal_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.amount} {self.currency}"

    def save(self, *args, **kwargs):
        # A copy built from an old version (the history page) counts as new: its id says otherwise.
        if not self._state.adding or (self.pk is not None and type(self).objects.filter(pk=self.pk).exists()):
            raise ImmutableEntry("Ledger entries cannot be changed; record a reversing entry instead.")
        # The summary moves with the entry or not at all.
        with transaction.atomic():
            super().save(*args, **kwargs)
            LedgerSummary.add(self)

    def delete(self, *args, **kwargs):
        raise ImmutableEntry("Ledger entries cannot be deleted; record a reversing entry instead.")

    def clean(self):
        if self.kind in self.INCOMING and self.category:
            raise ValidationError({"category": _("A contribution or pledge has no spending category.")})

    @property
    def iati_code(self) -> str:
        return self.IATI_CODES[self.kind]

    @property
    def cash_effect(self):
        """What this entry does to the cash balance of its currency."""
        if self.in_kind:
            return 0
        if self.kind == self.Kind.CONTRIBUTION:
            return self.amount
        if self.kind in self.SPENDING:
            return -self.amount
        return 0

    @property
    def contributor_label(self) -> str:
        return str(self.contributor) if self.contributor_id else self.contributor_name

    @property
    def period_label(self) -> str:
        """The year; for a historical total, its span of years (2011–2015) or "until February 2016"."""
        return period_label(self.date, aggregate=self.aggregate, period_start=self.period_start)



class LedgerSummary(models.Model):
    """Sums of the ledger's USD values by everything the reports group or filter on, kept as entries are written.

    The ledger only grows (entries are never changed or deleted; corrections are reversing entries), so each
    new entry adds its value to one row here, in the same transaction. The public figures and the reports
    read these few hundred rows instead of summing a ledger of a million entries on every request;
    `manage.py rebuild_fund_summary` recomputes them from the ledger and `check_fund_summary` compares.
    Two rows with the same key may exist after two first writes race; every reader sums, so that is harmless.
    """

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    aggregate = models.BooleanField()
    period_start_year = models.PositiveSmallIntegerField(null=True)
    kind = models.CharField(max_length=20, choices=Entry.Kind.choices)
    in_kind = models.BooleanField()
    funding = models.CharField(max_length=20, blank=True)
    category = models.CharField(max_length=20, blank=True)
    fulfils_pledge = models.BooleanField()
    country = models.ForeignKey(Country, null=True, on_delete=models.PROTECT, related_name="+")
    contributor_country = models.ForeignKey(Country, null=True, on_delete=models.PROTECT, related_name="+")
    contributor_name = models.CharField(max_length=300, blank=True)
    usd = models.DecimalField(**MONEY, default=0)
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ledger summary row")
        verbose_name_plural = _("ledger summary")
        indexes = [models.Index(fields=["kind", "in_kind", "year"])]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d} {self.kind} {self.usd} USD ({self.entries})"

    @staticmethod
    def key_for(entry: Entry) -> dict:
        contributor_country_id = None
        if entry.contributor_id:
            contributor_country_id = Institution.objects.filter(pk=entry.contributor_id).values_list(
                "country_id", flat=True).first()
        return {"year": entry.date.year, "month": entry.date.month, "aggregate": entry.aggregate,
                "period_start_year": entry.period_start.year if entry.period_start else None,
                "kind": entry.kind, "in_kind": entry.in_kind, "funding": entry.funding or "",
                "category": entry.category or "", "fulfils_pledge": entry.fulfils_id is not None,
                "country_id": entry.country_id, "contributor_country_id": contributor_country_id,
                "contributor_name": entry.contributor_name or ""}

    @classmethod
    def add(cls, entry: Entry) -> None:
        key = cls.key_for(entry)
        row = cls.objects.filter(**key).values_list("pk", flat=True).first()
        if row is None:
            cls.objects.create(**key, usd=entry.usd_value, entries=1)
        else:
            cls.objects.filter(pk=row).update(usd=F("usd") + entry.usd_value, entries=F("entries") + 1)


def period_label(date, *, aggregate: bool = False, period_start=None) -> str:
    if not aggregate:
        return str(date.year)
    if period_start:
        return f"{period_start.year}–{date.year}"
    return _("until %(month)s") % {"month": date_format(date, "YEAR_MONTH_FORMAT")}


class ContributingCountry(models.Model):
    """A country the network lists as a contributor to the fund (reference fact, with its source)."""

    country = models.OneToOneField(Country, verbose_name=_("country"), on_delete=models.PROTECT,
                                   related_name="fund_contributor")
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("contributing country")
        verbose_name_plural = _("contributing countries")

    def __str__(self) -> str:
        return str(self.country)


class CurrencyAccount(models.Model):
    """One row per currency, locked (SELECT … FOR UPDATE) while an entry that moves cash is written.

    The balance itself is always the sum of the ledger, never stored here: this row only makes two
    people recording expenses at the same moment take turns, so neither can take the balance below zero.
    """

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, unique=True)

    class Meta:
        verbose_name = _("currency account")
        verbose_name_plural = _("currency accounts")

    def __str__(self) -> str:
        return self.currency


class Allocation(models.Model):
    """What a planning meeting decided the fund should spend on one category."""

    meeting = models.CharField(_("planning meeting"), max_length=300)
    decided_on = models.DateField(_("decided on"), db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, db_index=True)
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.USD)
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "category"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_allocation_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_category_display()} {self.amount} {self.currency}"


def content_type_for(obj) -> ContentType:
    return ContentType.objects.get_for_model(obj)
