"""The public calendar: published meetings and the activities of each work plan's latest revision.

The feed is RFC 5545 iCalendar written by the ``icalendar`` library: whole-day events as dates, timed
events in the venue's own time zone (``DTSTART;TZID=…``) with a VTIMEZONE for every zone used.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.meetings.models import Meeting, PlannedActivity


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    title: str
    start_date: datetime.date
    end_date: datetime.date | None
    start_time: datetime.time | None
    end_time: datetime.time | None
    time_zone: str
    place: str
    url: str
    description: str
    sequence: int = 0
    cancelled: bool = False
    is_demo: bool = False

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date


def calendar_entries(year: int | None = None) -> list[CalendarEntry]:
    """Every entry of the calendar (two queries plus one for the activities' plans)."""
    meetings = Meeting.objects.published().select_related("country")
    activities = (PlannedActivity.objects.current().select_related("revision__plan", "meeting", "country")
                  .exclude(meeting__is_published=True, meeting__archived_at__isnull=True))
    if year:
        meetings = meetings.filter(start_date__year=year)
        activities = activities.filter(start_date__year=year)
    host = settings.SITE_URL.split("//", 1)[-1].split("/")[0]
    entries = [
        CalendarEntry(uid=f"meeting-{m.pk}@{host}", title=m.title, start_date=m.start_date, end_date=m.end_date,
                      start_time=m.start_time, end_time=m.end_time, time_zone=m.time_zone, place=m.place,
                      url=settings.SITE_URL + m.get_absolute_url(), description=m.get_kind_display(),
                      is_demo=m.is_demo)
        for m in meetings
    ]
    for a in activities:
        place = str(_("Virtual")) if a.is_virtual else ", ".join(p for p in (a.place, a.country.name if a.country else "") if p)
        entries.append(CalendarEntry(
            uid=f"activity-{a.key}@{host}", title=a.title, start_date=a.start_date, end_date=a.end_date,
            start_time=a.start_time, end_time=a.end_time, time_zone=a.time_zone, place=place,
            url=settings.SITE_URL + a.revision.plan.get_absolute_url(),
            description=f"{a.revision.plan.title} (rev. {a.revision.number}). {a.description}".strip(),
            sequence=a.revision.number, cancelled=a.status == PlannedActivity.Status.CANCELLED,
            is_demo=a.revision.plan.is_demo))
    return sorted(entries, key=lambda entry: (entry.start_date, entry.start_time or datetime.time.min))


def ical_feed(entries: list[CalendarEntry]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//OAS RIAL//Calendar of the IACML//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("IACML and RIAL calendar"))
    stamp = timezone.now().astimezone(datetime.UTC)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", f"DEMO: {entry.title}" if entry.is_demo else entry.title)
        if entry.start_time:
            zone = zoneinfo.ZoneInfo(entry.time_zone)
            event.add("dtstart", datetime.datetime.combine(entry.start_date, entry.start_time, tzinfo=zone))
            if entry.end_time:
                event.add("dtend", datetime.datetime.combine(entry.last_day, entry.end_time, tzinfo=zone))
        else:
            # Whole days: DTEND is exclusive (RFC 5545 §3.6.1).
            event.add("dtstart", entry.start_date)
            event.add("dtend", entry.last_day + datetime.timedelta(days=1))
        if entry.place:
            event.add("location", entry.place)
        event.add("description", entry.description)
        event.add("url", entry.url)
        event.add("sequence", entry.sequence)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        calendar.add_component(event)
    if entries:
        first = min(entry.start_date for entry in entries)
        last = max(entry.last_day for entry in entries)
        calendar.add_missing_timezones(first_date=first - datetime.timedelta(days=366),
                                       last_date=last + datetime.timedelta(days=366))
    return calendar.to_ical()
