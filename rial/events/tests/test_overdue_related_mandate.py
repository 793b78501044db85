"""An event page lists its related mandates: one past its due date and not done says so."""

import datetime

import pytest
from django.utils import timezone

from rial.events.tests.factories import make_event
from rial.meetings.tests.factories import conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db


def test_an_overdue_mandate_is_flagged_on_the_event_page(client):
    conference, _group = conference_with_group()
    _plan, (late, on_time) = plan_with_mandates(conference)
    late.due_date = timezone.localdate() - datetime.timedelta(days=3)
    late.save()
    event = make_event()
    event.mandates.set([late, on_time])
    html = client.get(event.get_absolute_url()).content.decode()
    related = html.split("Related mandates", 1)[1]
    assert related.count("badge-overdue") == 1
