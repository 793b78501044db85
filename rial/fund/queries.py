"""What the other apps read from the fund: the ledger entries that paid for one of their records, and the
expense categories they may charge. They reach the ledger through this module and `rial.fund.services`
only, never through the fund's models (the layering check in `pyproject.toml` forbids that import)."""

from django.db.models import QuerySet

from rial.fund.models import Category, Entry, content_type_for

__all__ = ["Category", "spending_on"]


def spending_on(record) -> QuerySet[Entry]:
    """The entries that paid for ``record`` (reversals included, with negative amounts), oldest first."""
    return (Entry.objects.spent().filter(paid_for_type=content_type_for(record), paid_for_id=record.pk)
            .order_by("date", "pk"))
