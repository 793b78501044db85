"""What cooperation adds to the pages of lower apps: a program's uptake, a country's and a topic's activities."""

from django.db.models import Q
from django.utils.translation import gettext as _

from rial.cooperation.models import Activity, Outcome, Proposal


def program_section(program):
    """Where a portfolio program was taken up: published proposals drawing on it, outcomes adopting it."""
    proposals = list(Proposal.objects.published().filter(program=program).select_related("requesting__country"))
    outcomes = list(Outcome.objects.filter(adopted_program=program, activity__in=Activity.objects.public())
                    .select_related("institution__country", "activity"))
    if not proposals and not outcomes:
        return None
    return {"title": _("Cooperation based on this program"), "template": "cooperation/sections/program.html",
            "context": {"proposals": proposals, "outcomes": outcomes}, "order": 50}


def country_section(country):
    activities = list(Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                      .filter(Q(first_party__country=country) | Q(second_party__country=country))
                      .select_related("first_party__country", "second_party__country").order_by("-year", "title"))
    if not activities:
        return None
    return {"title": _("Bilateral cooperation"), "template": "cooperation/sections/activities.html",
            "context": {"activities": activities}, "order": 50}


def topic_section(topic):
    activities = list(Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                      .filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()
                      .select_related("first_party__country", "second_party__country").order_by("-year", "title"))
    if not activities:
        return None
    return {"title": _("Bilateral cooperation"), "template": "cooperation/sections/activities.html",
            "context": {"activities": activities}, "order": 50}
