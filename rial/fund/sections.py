"""The fund's section of a country page: whether the country contributes, and what it gave."""

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from rial.directory.models import Country
from rial.fund.models import Entry

RECEIVED = Q(fund_entries__kind=Entry.Kind.CONTRIBUTION)


def country_section(country) -> dict | None:
    # One query: the country's listing as a contributor (one-to-one) and its contributions, summed.
    row = (Country.objects.filter(pk=country.pk)
           .values("fund_contributor__id", "fund_contributor__verified")
           .annotate(cash=Sum("fund_entries__usd_value", filter=RECEIVED & Q(fund_entries__in_kind=False)),
                     in_kind=Sum("fund_entries__usd_value", filter=RECEIVED & Q(fund_entries__in_kind=True)))
           .first())
    if row is None or (row["fund_contributor__id"] is None and not row["cash"] and not row["in_kind"]):
        return None
    listed = {"verified": row["fund_contributor__verified"]} if row["fund_contributor__id"] else None
    return {"title": _("Voluntary Contribution Fund"), "template": "fund/country_section.html", "order": 60,
            "context": {"listed": listed, "cash": row["cash"], "in_kind": row["in_kind"]}}
