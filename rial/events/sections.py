"""What events add to the country page (events hosted, and how many of the country's people attended) and to
the Secretariat's desk (registrations to confirm)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.desk import desk_list, section
from rial.events.models import Event, Registration


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




def desk_section(user) -> dict | None:
    """The Secretariat: events with registrations awaiting its confirmation, and how many (one query)."""
    if not roles_for(user).is_secretariat:
        return None
    pending = Q(registrations__status=Registration.Status.PENDING)
    events = (Event.objects.annotate(pending=Count("registrations", filter=pending)).filter(pending__gt=0)
              .select_related("meeting").order_by("meeting__start_date", "pk"))
    return section(_("Events"), [desk_list(_("Registrations to confirm"), events, lambda event: {
        "label": str(event), "url": reverse("events:manage", args=[event.pk]),
        "meta": _("%(count)s awaiting confirmation") % {"count": event.pending}})], order=35)
