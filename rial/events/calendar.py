"""One event as an iCalendar file (the attachment of confirmation and reminder emails).

The entry has the same UID as the event's entry in the public feed (``/calendar.ics``), so a calendar
program that subscribed to the feed and also opened the attachment shows it once.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from rial.events.models import Registration
from rial.meetings.calendar_feed import CalendarEntry, ical_feed


def registration_ics(registration: Registration) -> bytes:
    meeting = registration.event.meeting
    host = settings.SITE_URL.split("//", 1)[-1].split("/")[0]
    description = meeting.get_kind_display()
    if registration.is_confirmed and registration.event.online_link:
        description += "\n" + _("Online link: %(link)s") % {"link": registration.event.online_link}
    entry = CalendarEntry(uid=f"meeting-{meeting.pk}@{host}", title=meeting.title, start_date=meeting.start_date,
                          end_date=meeting.end_date, start_time=meeting.start_time, end_time=meeting.end_time,
                          time_zone=meeting.time_zone, place=meeting.place,
                          url=settings.SITE_URL + registration.event.get_absolute_url(), description=description,
                          is_demo=meeting.is_demo)
    return ical_feed([entry])
