"""The agreements section of a country page (see rial/directory/profile.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.agreements.coverage import country_rows
from rial.agreements.models import AgreementParty


def country_section(country) -> dict | None:
    parties = list(
        AgreementParty.objects.filter(country=country, agreement__archived_at__isnull=True)
        .select_related("agreement").order_by("agreement__kind", "agreement__title")
    )
    if not parties:
        return None
    rows = country_rows(parties, timezone.localdate())
    return {
        "title": _("Social security agreements"),
        "template": "agreements/includes/country_section.html",
        "context": {"country": country, "rows": rows},
        "order": 60,
    }
