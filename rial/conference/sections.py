"""What the conference app adds to other apps' pages: the topic page's timeline of mandates."""

from collections import OrderedDict

from django.utils.translation import gettext as _

from rial.conference.models import Mandate


def topic_section(topic) -> dict | None:
    """The mandates of a topic (or of its sub-topics, for an area) across all conferences, by year."""
    topics = [topic.pk, *topic.children.values_list("pk", flat=True)] if topic.parent_id is None else [topic.pk]
    mandates = (Mandate.objects.published().filter(topics__in=topics)
                .select_related("plan__conference", "group").distinct()
                .order_by("plan__conference__number", "position"))
    by_year: OrderedDict = OrderedDict()
    for mandate in mandates:
        conference = mandate.plan.conference
        by_year.setdefault((conference.year, conference), []).append(mandate)
    if not by_year:
        return None
    years = [{"year": year, "conference": conference, "mandates": items} for (year, conference), items in by_year.items()]
    return {"title": _("Mandates of the conferences over time"), "template": "conference/includes/topic_timeline.html",
            "context": {"years": years}, "order": 10}
