"""Figures of the fund, in USD, from the ledger summary (`LedgerSummary`: the ledger's sums by every
dimension reported on, kept current as entries are written), so no request sums the whole ledger.

Reversing entries carry negative amounts, so every sum below already nets corrections out.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Max, Q, Sum

from rial.fund.models import Allocation, Category, ContributingCountry, Entry, LedgerSummary, period_label

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def cents(value) -> Decimal:
    """SQLite returns sums without their scale (649734 for 649734.00): give every figure its two decimals."""
    return Decimal(value or 0).quantize(CENT)


@dataclass(frozen=True)
class Totals:
    received: Decimal        # cash contributions received, co-financing included
    voluntary: Decimal       # of which member states' voluntary contributions
    co_financing: Decimal    # of which co-financing from other bodies
    spent: Decimal           # disbursements and expenditures paid in cash
    committed: Decimal       # outgoing commitments
    pledged: Decimal         # pledges recorded
    pledges_received: Decimal  # contributions received against a pledge
    in_kind: Decimal         # in-kind support received, at its stated value (not cash)

    @property
    def balance(self) -> Decimal:
        return self.received - self.spent

    @property
    def pledges_outstanding(self) -> Decimal:
        return max(self.pledged - self.pledges_received, ZERO)


def totals() -> Totals:
    received = Q(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
    sums = LedgerSummary.objects.aggregate(
        received=Sum("usd", filter=received),
        voluntary=Sum("usd", filter=received & Q(funding=Entry.Funding.VOLUNTARY)),
        co_financing=Sum("usd", filter=received & Q(funding=Entry.Funding.CO_FINANCING)),
        spent=Sum("usd", filter=Q(kind__in=Entry.SPENDING, in_kind=False)),
        committed=Sum("usd", filter=Q(kind=Entry.Kind.COMMITMENT, in_kind=False)),
        pledged=Sum("usd", filter=Q(kind=Entry.Kind.PLEDGE)),
        pledges_received=Sum("usd", filter=Q(kind=Entry.Kind.CONTRIBUTION, fulfils_pledge=True)),
        in_kind=Sum("usd", filter=Q(kind=Entry.Kind.CONTRIBUTION, in_kind=True)),
    )
    return Totals(**{name: cents(value) for name, value in sums.items()})


def _periods(queryset, *, extra: tuple = ()) -> list[dict]:
    """Sums in USD of summary rows grouped by period (a year, or a historical span), oldest first."""
    rows = queryset.order_by().values("year", "month", "aggregate", "period_start_year", *extra)
    rows = rows.annotate(usd_sum=Sum("usd")).order_by("year", "month")
    return [{**row, "usd": cents(row["usd_sum"])} for row in rows]


def _label(row) -> str:
    if not row["aggregate"]:
        return str(row["year"])
    start = datetime.date(row["period_start_year"], 1, 1) if row["period_start_year"] else None
    return period_label(datetime.date(row["year"], row["month"], 1), aggregate=True, period_start=start)


def by_year(queryset) -> list[tuple[str, Decimal]]:
    """[(period label, USD)] in date order; entries of the same period are added up."""
    result: dict[str, Decimal] = {}
    for row in _periods(queryset):
        label = _label(row)
        result[label] = result.get(label, ZERO) + row["usd"]
    return list(result.items())


def contributions_by_year() -> list[tuple[str, Decimal]]:
    return by_year(LedgerSummary.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False))


def spending_by_year() -> list[tuple[str, Decimal]]:
    return by_year(LedgerSummary.objects.filter(kind__in=Entry.SPENDING, in_kind=False))


def spending_by_year_and_category() -> tuple[list[str], list[tuple[str, list[Decimal], Decimal]]]:
    """Columns (category values in order; "" = not attributed) and rows (period, [USD per column], total)."""
    table: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    spending = LedgerSummary.objects.filter(kind__in=Entry.SPENDING, in_kind=False)
    for row in _periods(spending, extra=("category",)):
        table[_label(row)][row["category"]] += row["usd"]
    used = {category for cells in table.values() for category in cells}
    columns = [value for value in [*Category.values, ""] if value in used]
    rows = [(label, [cells[column] for column in columns], sum(cells.values(), ZERO))
            for label, cells in table.items()]
    return columns, rows


def category_label(value: str) -> str:
    return str(Category(value).label) if value else ""


def balance_by_year() -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """(period, received, spent, balance carried forward) for cash, in date order.

    Historical totals cover overlapping spans (contributions "until February 2016", spending "2011–2015"),
    so they make one opening row ending at the latest of them: splitting them would show a balance that
    never was (all the spending before any of the income).
    """
    cash = LedgerSummary.objects.filter(in_kind=False)
    history = cash.filter(aggregate=True).aggregate(
        received=Sum("usd", filter=Q(kind=Entry.Kind.CONTRIBUTION)),
        spent=Sum("usd", filter=Q(kind__in=Entry.SPENDING)), until=Max(F("year") * 100 + F("month")))
    rows, running = [], ZERO
    if history["until"]:
        received, spent = cents(history["received"]), cents(history["spent"])
        running = received - spent
        until = datetime.date(history["until"] // 100, history["until"] % 100, 1)
        rows.append((period_label(until, aggregate=True), received, spent, running))
    yearly = cash.filter(aggregate=False, kind__in=[Entry.Kind.CONTRIBUTION, *Entry.SPENDING]).order_by()
    yearly = yearly.values("year").annotate(
        received=Sum("usd", filter=Q(kind=Entry.Kind.CONTRIBUTION)),
        spent=Sum("usd", filter=Q(kind__in=Entry.SPENDING))).order_by("year")
    for row in yearly:
        received, spent = cents(row["received"]), cents(row["spent"])
        running += received - spent
        rows.append((str(row["year"]), received, spent, running))
    return rows


def contributions_by_country_and_year() -> tuple[list[str], list[tuple[str, list[Decimal | None], Decimal]]]:
    """Columns (periods) and rows (country or contributor, [USD per period or None], total), cash received."""
    received = LedgerSummary.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
    rows = _periods(received, extra=("country__name", "contributor_name", "funding"))
    table: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    periods: list[str] = []
    for row in rows:
        label = _label(row)
        if label not in periods:
            periods.append(label)
        who = row["country__name"] or row["contributor_name"]
        table[who][label] += row["usd"]
    result = [(who, [cells.get(period) for period in periods], sum(cells.values(), ZERO))
              for who, cells in table.items()]
    result.sort(key=lambda item: (-item[2], item[0]))
    return periods, result


def contributing_countries() -> list[ContributingCountry]:
    return list(ContributingCountry.objects.select_related("country").order_by("country__name"))


def allocations_against_spending() -> list[tuple[int, str, str, Decimal, Decimal | None]]:
    """(year, category label, currency, allocated, spent in USD that year and category) per planning decision.

    Spending is compared only with allocations made in USD, the currency of the fund's reports.
    """
    allocated = (Allocation.objects.order_by().values("decided_on__year", "category", "currency")
                 .annotate(total=Sum("amount")).order_by("decided_on__year", "category"))
    spent = {
        (row["year"], row["category"]): cents(row["usd_sum"])
        for row in LedgerSummary.objects.filter(kind__in=Entry.SPENDING, in_kind=False, aggregate=False).order_by()
        .values("year", "category").annotate(usd_sum=Sum("usd"))
    }
    return [
        (row["decided_on__year"], category_label(row["category"]), row["currency"], cents(row["total"]),
         spent.get((row["decided_on__year"], row["category"]), ZERO) if row["currency"] == "USD" else None)
        for row in allocated
    ]
