"""What the meetings app adds to the country and topic pages (see rial/directory/profile.py)."""

from django.utils.translation import gettext as _

from rial.meetings.models import Meeting


def country_section(country) -> dict | None:
    meetings = list(Meeting.objects.published().filter(country=country).order_by("-start_date")[:20])
    if not meetings:
        return None
    return {"title": _("Meetings hosted"), "template": "meetings/includes/section_meetings.html",
            "context": {"meetings": meetings}, "order": 40}


def topic_section(topic) -> dict | None:
    meetings = list(Meeting.objects.published().filter(topics=topic).select_related("country")
                    .order_by("-start_date")[:20])
    if not meetings:
        return None
    return {"title": _("Meetings on this topic"), "template": "meetings/includes/section_meetings.html",
            "context": {"meetings": meetings}, "order": 40}
