"""The fund's section of a country page: whether the country contributes, and what it gave."""

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from rial.fund.models import ContributingCountry, Entry


def country_section(country) -> dict | None:
    listed = ContributingCountry.objects.filter(country=country).first()
    received = Entry.objects.filter(country=country, kind=Entry.Kind.CONTRIBUTION).aggregate(
        cash=Sum("usd_value", filter=Q(in_kind=False)), in_kind=Sum("usd_value", filter=Q(in_kind=True)))
    if listed is None and not any(received.values()):
        return None
    return {"title": _("Voluntary Contribution Fund"), "template": "fund/country_section.html", "order": 60,
            "context": {"listed": listed, "cash": received["cash"], "in_kind": received["in_kind"]}}
