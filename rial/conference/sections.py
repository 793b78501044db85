"""What the conference app adds to other apps' pages: the topic page's timeline of mandates."""

from django.utils.translation import gettext as _

from rial.conference.models import Conference, Mandate, WorkingGroup


def topic_section(topic) -> dict | None:
    """How a topic moved across conferences: per conference (by year), the working groups that followed
    it and the mandates about it. An area's page gathers its sub-topics."""
    topics = [topic.pk, *topic.children.values_list("pk", flat=True)] if topic.parent_id is None else [topic.pk]
    mandates = (Mandate.objects.published().filter(topics__in=topics).select_related("plan").distinct()
                .order_by("position"))
    groups = WorkingGroup.objects.filter(topics__in=topics).distinct().order_by("number")
    by_conference: dict[int, dict] = {}

    def entry(conference_id: int) -> dict:
        return by_conference.setdefault(conference_id, {"groups": [], "mandates": []})

    for group in groups:
        entry(group.conference_id)["groups"].append(group)
    for mandate in mandates:
        entry(mandate.plan.conference_id)["mandates"].append(mandate)
    if not by_conference:
        return None
    conferences = Conference.objects.filter(pk__in=by_conference).order_by("number")
    years = [{"year": conference.year, "conference": conference, **by_conference[conference.pk]}
             for conference in conferences]
    return {"title": _("Mandates of the conferences over time"), "template": "conference/includes/topic_timeline.html",
            "context": {"years": years}, "order": 10}
