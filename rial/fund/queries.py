"""What the other apps read from the fund: the ledger entries that paid for one of their records, the cash
received per country, and the expense categories they may charge. They reach the ledger through this module,
`rial.fund.services` and `rial.fund.reports` only, never through the fund's models (the layering check in
`pyproject.toml` forbids that import)."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from rial.fund.models import Category, Entry, LedgerSummary

__all__ = ["Category", "received_by_country", "received_by_year", "spending_on"]


def spending_on(record) -> QuerySet[Entry]:
    """The entries that paid for ``record`` (reversals included, with negative amounts), oldest first."""
    return Entry.objects.spent().for_object(record).order_by("date", "pk")


def received_by_country() -> dict[str, Decimal]:
    """Cash contributions received, in USD, per ISO2 code of the contributing country, read from the ledger
    summary kept in step with each entry (one query, whatever the ledger's length).

    The country is the entry's own, else its contributor's; pledges and support in kind are not money received.
    """
    rows = (LedgerSummary.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
            .filter(Q(country__isnull=False) | Q(contributor_country__isnull=False))
            .values("country__iso2", "contributor_country__iso2").annotate(total=Sum("usd")))
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        totals[row["country__iso2"] or row["contributor_country__iso2"]] += row["total"] or 0
    return dict(totals)


def received_by_year(country) -> dict[int, Decimal]:
    """Cash contributions received from ``country`` (the entry's country, else its contributor's), in USD, per
    year, from the ledger summary (one query, whatever the ledger's length)."""
    rows = (LedgerSummary.objects.filter(kind=Entry.Kind.CONTRIBUTION, in_kind=False)
            .filter(Q(country=country) | Q(country__isnull=True, contributor_country=country))
            .values("year").annotate(total=Sum("usd")).order_by("year"))
    return {row["year"]: row["total"] or Decimal(0) for row in rows}
