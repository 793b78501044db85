"""A meeting page's title is the meeting's name only, and a meeting not yet held shows no attendance or
conclusions."""

import datetime
import re

import pytest
from django.utils import timezone

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import Conclusion
from rial.meetings.tests.factories import ConclusionFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_title_holds_the_meeting_name_and_no_markup(client, secretariat):
    meeting = MeetingFactory(title_en="Planning meeting of the RIAL")
    login(client, secretariat)  # the Secretariat's page has the mandate link form
    title = _title(client.get(meeting.get_absolute_url()).content.decode())
    assert title.startswith("Planning meeting of the RIAL ·")
    assert "<" not in title and "csrf" not in title


def test_a_future_meeting_shows_neither_attendance_nor_conclusions(client):
    start = timezone.localdate() + datetime.timedelta(days=30)
    meeting = MeetingFactory(start_date=start, end_date=start)
    ParticipantFactory(meeting=meeting, institution=Institution.objects.get(slug="ministry-cl"))
    ConclusionFactory(meeting=meeting, kind=Conclusion.Kind.CONSENSUS, text="An invented consensus.")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "An invented consensus." not in page
    assert "Ministries attending" not in page and "Attended" not in page
    assert "Ministry" in page or "Ministerio" in page  # the invited participants are still listed
