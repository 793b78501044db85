"""Factories for events: a published meeting of an event kind with its event row."""

import datetime

from django.utils import timezone

from rial.events.models import Event
from rial.meetings.tests.factories import MeetingFactory


def make_event(*, title="Test workshop", kind="workshop", days_ahead=30, capacity=None, opens=None, closes=None,
               needs_confirmation=True, online_link="https://meet.example.org/test", **meeting_fields) -> Event:
    start = timezone.localdate() + datetime.timedelta(days=days_ahead)
    meeting = MeetingFactory(title_en=title, kind=kind, start_date=start, end_date=start, **meeting_fields)
    return Event.objects.create(meeting=meeting, capacity=capacity, registration_opens=opens,
                                registration_closes=closes, delegations_need_confirmation=needs_confirmation,
                                online_link=online_link)
