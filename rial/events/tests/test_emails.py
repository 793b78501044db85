"""Registration and reminder emails: in the registrant's language, with the event as an .ics attachment;
the online link only once the place is confirmed."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command

from rial.directory.models import Institution
from rial.events.models import Registration
from rial.events.services import Attendee, register_delegation, register_self, registration_confirm
from rial.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def _ics(message):
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("event.ics", "text/calendar")
    return icalendar.Calendar.from_ical(content)


def test_a_delegate_hears_in_spanish_first_pending_then_confirmed_with_the_link(
        focal_cl, secretariat, django_capture_on_commit_callbacks):
    event = make_event(title="Taller de prueba", start_time=datetime.time(9, 0), end_time=datetime.time(12, 0),
                       time_zone="America/Santiago")
    with django_capture_on_commit_callbacks(execute=True):
        [registration] = register_delegation(event=event, user=focal_cl,
                                             institution=Institution.objects.get(slug="ministry-cl"),
                                             attendees=[Attendee("Ana Pérez", "ana@example.cl", "es")])
    pending = [m for m in mail.outbox if m.to == ["ana@example.cl"]]
    assert len(pending) == 1
    assert "espera" in pending[0].subject.lower() or "confirma" in pending[0].subject.lower()
    assert "https://meet.example.org/test" not in pending[0].body
    assert "https://meet.example.org/test" not in _ics(pending[0]).to_ical().decode()

    with django_capture_on_commit_callbacks(execute=True):
        registration_confirm(registration=registration, user=secretariat)
    confirmed = [m for m in mail.outbox if m.to == ["ana@example.cl"]][-1]
    assert "confirmad" in confirmed.subject.lower()
    assert "https://meet.example.org/test" in confirmed.body
    [entry] = _ics(confirmed).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Taller de prueba"
    assert entry["DTSTART"].dt.tzinfo.key == "America/Santiago"
    assert str(entry["UID"]).startswith(f"meeting-{event.meeting_id}@")


def test_reminders_go_once_to_confirmed_participants_of_events_starting_soon(member_co, focal_br):
    soon = make_event(days_ahead=1)
    later = make_event(days_ahead=20, title="Later")
    confirmed = register_self(event=soon, user=member_co)
    register_self(event=later, user=focal_br)
    mail.outbox.clear()
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert "Reminder" in mail.outbox[0].subject
    assert Registration.objects.get(pk=confirmed.pk).reminder_sent_at is not None
