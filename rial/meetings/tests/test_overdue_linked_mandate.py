"""The mandates a meeting answers are listed on its page: one past its due date and not done says so."""

import datetime

import pytest
from django.utils import timezone

from rial.meetings.services.evidence import meeting_link_mandate
from rial.meetings.tests.factories import MeetingFactory, conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db


def test_an_overdue_mandate_is_flagged_where_a_meeting_answers_it(client, secretariat):
    conference, _group = conference_with_group()
    _plan, (late, on_time) = plan_with_mandates(conference)
    late.due_date = timezone.localdate() - datetime.timedelta(days=3)
    late.save()
    meeting = MeetingFactory(conference=conference)
    for mandate in (late, on_time):
        meeting_link_mandate(meeting=meeting, mandate=mandate, user=secretariat)
    html = client.get(meeting.get_absolute_url()).content.decode()
    answered = html.split("Mandates this meeting answers", 1)[1]
    assert answered.count("badge-overdue") == 1
    assert answered.index("badge-overdue") > answered.index(late.text)
