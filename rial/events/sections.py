"""What events add to the country page: events hosted, and how many of the country's people attended."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from rial.events.models import Event


def country_section(country) -> dict | None:
    """Published events the country hosted or its institutions attended, with the attendance counted
    from the registrations (one query)."""
    from_country = Q(registrations__attended=True, registrations__institution__country=country)
    events = list(Event.objects.published().filter(Q(meeting__country=country) | from_country)
                  .select_related("meeting__country")
                  .annotate(country_attended=Count("registrations", filter=from_country, distinct=True))
                  .distinct().order_by("-meeting__start_date")[:30])
    if not events:
        return None
    total = sum(event.country_attended for event in events)
    return {"title": _("Events"), "template": "events/section_country.html",
            "context": {"events": events, "total": total, "country": country}, "order": 45}


