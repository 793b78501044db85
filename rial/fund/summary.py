"""Recompute and check the ledger summary (`LedgerSummary`) from the ledger itself.

Entries keep the summary current as they are written; these functions are for the first fill (the
migration that created the table calls `rebuild` with its historical models), for an operator who
suspects drift (`manage.py check_fund_summary`, `manage.py rebuild_fund_summary`) and for tests.
"""

from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, Sum

GROUPS = {"year": "date__year", "month": "date__month", "aggregate": "aggregate",
          "period_start_year": "period_start__year", "kind": "kind", "in_kind": "in_kind", "funding": "funding",
          "category": "category", "fulfils_pledge": "fulfils_pledge", "country_id": "country_id",
          "contributor_country_id": "contributor__country_id", "contributor_name": "contributor_name"}


def from_ledger(entry_model) -> dict[tuple, tuple]:
    """{key: (usd, entries)} summed over the ledger, keyed like LedgerSummary rows."""
    rows = (entry_model.objects.order_by()
            .annotate(fulfils_pledge=ExpressionWrapper(Q(fulfils__isnull=False), output_field=BooleanField()))
            .values(*GROUPS.values()).annotate(usd=Sum("usd_value"), n=Count("pk")))
    return {tuple(row[lookup] for lookup in GROUPS.values()): (row["usd"], row["n"]) for row in rows}


def from_summary(summary_model) -> dict[tuple, tuple]:
    rows = summary_model.objects.order_by().values(*GROUPS).annotate(usd_sum=Sum("usd"), n=Sum("entries"))
    return {tuple(row[field] for field in GROUPS): (row["usd_sum"], row["n"]) for row in rows}


def rebuild(entry_model, summary_model) -> int:
    with transaction.atomic():
        summary_model.objects.all().delete()
        rows = [summary_model(**dict(zip(GROUPS, key, strict=True)), usd=usd, entries=n)
                for key, (usd, n) in from_ledger(entry_model).items()]
        summary_model.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def differences(entry_model, summary_model) -> list[tuple]:
    """Keys whose sums differ between the ledger and the summary (empty when they agree)."""
    ledger, summary = from_ledger(entry_model), from_summary(summary_model)
    return sorted((key for key in ledger.keys() | summary.keys()
                   if _normal(ledger.get(key)) != _normal(summary.get(key))), key=str)


def _normal(value):
    if value is None:
        return (0, 0)
    usd, n = value
    return (round(float(usd or 0), 2), int(n or 0))
