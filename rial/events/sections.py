"""What events add to the country page (events hosted, and how many of the country's people attended) and to
the Secretariat's desk (registrations to confirm)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rial.accounts.roles import roles_for
from rial.core.desk import desk_list, section
from rial.core.questionnaires import summary
from rial.events.models import Evaluation, Event, Registration


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




def working_group_report_section(meetings) -> dict | None:
    """A working group report's paragraph on the events among its meetings: attendance and how participants
    rated them (two queries). Found by ``sections_for("working_group_report_section", meetings)``."""
    events = Event.objects.filter(meeting__in=meetings)
    attended = Registration.objects.filter(event__in=events, attended=True).count()
    ratings = summary(Evaluation.objects.filter(registration__event__in=events))
    if not attended and not ratings["count"]:
        return None
    text = ngettext("%(count)d person attended the group's events.",
                    "%(count)d people attended the group's events.", attended) % {"count": attended}
    if ratings["count"]:
        text += " " + ngettext(
            "%(count)d evaluation was answered: objectives met %(objectives)s, usefulness %(usefulness)s, "
            "organisation %(organisation)s (averages out of 5).",
            "%(count)d evaluations were answered: objectives met %(objectives)s, usefulness %(usefulness)s, "
            "organisation %(organisation)s (averages out of 5).", ratings["count"]) % {
            "count": ratings["count"],
            **{name: number_format(ratings[key], decimal_pos=1) for name, key in (
                ("objectives", "objectives_met"), ("usefulness", "usefulness"), ("organisation", "organisation"))}}
    return {"text": text, "order": 10}


def public_desk_section(user) -> dict | None:
    """The Secretariat: events with registrations awaiting its confirmation, and how many (one query)."""
    if not roles_for(user).is_secretariat:
        return None
    pending = Q(registrations__status=Registration.Status.PENDING)
    events = (Event.objects.annotate(pending=Count("registrations", filter=pending)).filter(pending__gt=0)
              .select_related("meeting").order_by("meeting__start_date", "pk"))
    return section(_("Events"), [desk_list(_("Registrations to confirm"), events, lambda event: {
        "label": str(event), "url": reverse("events:manage", args=[event.pk]),
        "meta": _("%(count)s awaiting confirmation") % {"count": event.pending}})], order=35)
