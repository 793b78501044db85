"""The agreements section of a country page (see rial/directory/profile.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.agreements.coverage import country_rows, finding_for
from rial.agreements.models import Agreement, AgreementParty


def country_section(country) -> dict | None:
    parties = list(
        AgreementParty.objects.filter(country=country, agreement__archived_at__isnull=True)
        .select_related("agreement").order_by("agreement__kind", "agreement__title")
    )
    if not parties:
        return None
    today = timezone.localdate()
    rows = country_rows(parties, today)
    return {
        "title": _("Social security agreements"),
        "template": "agreements/includes/country_section.html",
        "context": {"country": country, "rows": rows, "partners": partners_in_force(country, today)},
        "order": 60,
    }


def partners_in_force(country, today) -> list[dict]:
    """The countries the country shares an agreement in force with today, each with those agreements, by
    name (2 queries: the country's agreements and all their parties)."""
    partners: dict[str, dict] = {}
    agreements = Agreement.objects.active().with_parties().filter(parties__country=country).distinct()
    for agreement in agreements:
        parties = list(agreement.parties.all())
        mine = next(party for party in parties if party.country_id == country.pk)
        for other in parties:
            if other.country_id == country.pk:
                continue
            finding = finding_for(agreement, mine, other, today)
            if finding.applies:
                entry = partners.setdefault(other.country.iso2, {"country": other.country, "agreements": [],
                                                                  "certain": True})
                entry["agreements"].append(agreement)
                entry["certain"] = entry["certain"] and finding.certain
    return sorted(partners.values(), key=lambda entry: entry["country"].name)
