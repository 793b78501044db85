"""The demo shows a workshop ahead (registrations, one awaiting confirmation, a waiting list) and a past
webinar (attended, evaluated), loaded once; the real workshops are events with their organizers."""

import pytest
from django.core.management import call_command

from rial.events.models import Event, Registration

S = Registration.Status
pytestmark = pytest.mark.django_db


def test_reference_workshops_are_events_with_sources():
    migration = Event.objects.get(meeting__title_en="RIAL workshop on labor migration")
    assert {(o.institution.slug, o.role) for o in migration.organizers.all()} == {
        ("oas-technical-secretariat", "organizer"), ("ilo", "co_organizer"), ("iom", "co_organizer")}
    assert migration.meeting.verified and "seed 003" in migration.meeting.source
    assert Event.objects.filter(meeting__is_demo=False).count() == 2


def test_the_demo_loads_the_two_events_once(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ahead = Event.objects.get(meeting__title_en="DEMO hemispheric workshop on labor inspection")
    statuses = list(ahead.registrations.values_list("status", flat=True))
    assert statuses.count(S.PENDING) == 1 and statuses.count(S.WAITLISTED) == 2
    assert ahead.registrations.holding_places().count() == ahead.capacity
    past = Event.objects.get(meeting__title_en="DEMO webinar on labor migration and recruitment")
    assert past.registrations.filter(attended=True).count() == 3
    assert past.registrations.filter(evaluation__isnull=False).count() == 3
    assert past.meeting.participants.filter(attended=True).count() == 3
    page = client.get("/en/events/").content.decode()
    assert "DEMO hemispheric workshop on labor inspection" in page
    code = past.registrations.filter(attended=True).first().certificate_code
    assert "This certificate is valid." in client.get(f"/en/events/certificates/{code}/").content.decode()
