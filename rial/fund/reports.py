"""Figures of the fund, in USD, built from the ledger with a few grouped queries (no per-row queries).

Reversing entries carry negative amounts, so every sum below already nets corrections out.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from rial.fund.models import Category, ContributingCountry, Entry, period_label

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Totals:
    received: Decimal        # cash contributions received, co-financing included
    voluntary: Decimal       # of which member states' voluntary contributions
    co_financing: Decimal    # of which co-financing from other bodies
    spent: Decimal           # disbursements and expenditures paid in cash
    committed: Decimal       # outgoing commitments
    pledged: Decimal         # pledges recorded
    in_kind: Decimal         # in-kind support received, at its stated value (not cash)

    @property
    def balance(self) -> Decimal:
        return self.received - self.spent


def _sum(queryset) -> Decimal:
    return queryset.aggregate(total=Sum("usd_value"))["total"] or ZERO


def totals() -> Totals:
    received = Q(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
    sums = Entry.objects.aggregate(
        received=Sum("usd_value", filter=received),
        voluntary=Sum("usd_value", filter=received & Q(funding=Entry.Funding.VOLUNTARY)),
        co_financing=Sum("usd_value", filter=received & Q(funding=Entry.Funding.CO_FINANCING)),
        spent=Sum("usd_value", filter=Q(kind__in=Entry.SPENDING, in_kind=False)),
        committed=Sum("usd_value", filter=Q(kind=Entry.Kind.COMMITMENT, in_kind=False)),
        pledged=Sum("usd_value", filter=Q(kind=Entry.Kind.PLEDGE)),
        in_kind=Sum("usd_value", filter=Q(kind=Entry.Kind.CONTRIBUTION, in_kind=True)),
    )
    return Totals(**{name: value or ZERO for name, value in sums.items()})


def _periods(queryset, *, extra: tuple = ()) -> list[dict]:
    """Sums of usd_value grouped by period (a year, or a historical span), oldest first."""
    rows = queryset.order_by().values("date__year", "date__month", "aggregate", "period_start__year", *extra)
    return list(rows.annotate(usd=Sum("usd_value")).order_by("date__year", "date__month"))


def _label(row) -> str:
    if not row["aggregate"]:
        return str(row["date__year"])
    start = datetime.date(row["period_start__year"], 1, 1) if row["period_start__year"] else None
    return period_label(datetime.date(row["date__year"], row["date__month"], 1), aggregate=True, period_start=start)


def by_year(queryset) -> list[tuple[str, Decimal]]:
    """[(period label, USD)] in date order; entries of the same period are added up."""
    result: dict[str, Decimal] = {}
    for row in _periods(queryset):
        label = _label(row)
        result[label] = result.get(label, ZERO) + row["usd"]
    return list(result.items())


def contributions_by_year() -> list[tuple[str, Decimal]]:
    return by_year(Entry.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False))


def spending_by_year() -> list[tuple[str, Decimal]]:
    return by_year(Entry.objects.filter(kind__in=Entry.SPENDING, in_kind=False))


def spending_by_year_and_category() -> tuple[list[str], list[tuple[str, list[Decimal], Decimal]]]:
    """Columns (category values in order; "" = not attributed) and rows (period, [USD per column], total)."""
    table: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    spending = Entry.objects.filter(kind__in=Entry.SPENDING, in_kind=False)
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
    """(period, received, spent, balance carried forward) for cash, in date order."""
    received = dict(contributions_by_year())
    spent = dict(spending_by_year())
    order: list[str] = []
    for label, _usd in sorted(
        [(label, 0) for label in received] + [(label, 1) for label in spent],
        key=lambda item: _period_sort_key(item[0]),
    ):
        if label not in order:
            order.append(label)
    rows, running = [], ZERO
    for label in order:
        running += received.get(label, ZERO) - spent.get(label, ZERO)
        rows.append((label, received.get(label, ZERO), spent.get(label, ZERO), running))
    return rows


def _period_sort_key(label: str) -> tuple[int, str]:
    # Historical spans end in a year ("2011–2015", "until February 2016"): sort them by it.
    digits = [int(part) for part in label.replace("–", " ").split() if part.isdigit()]
    return (digits[-1] if digits else 0, label)


def contributions_by_country_and_year() -> tuple[list[str], list[tuple[str, list[Decimal | None], Decimal]]]:
    """Columns (periods) and rows (country or contributor, [USD per period or None], total), cash received."""
    received = Entry.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
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
