"""After the event: attendance from the registrations (participants of the meeting), certificates with a
public verification page, the evaluation questionnaire, results, the country page's counts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from conftest import login
from rial.events.models import Evaluation, Registration
from rial.events.services import attendance_record, evaluation_answer, register_self
from rial.events.tests.factories import make_event
from rial.meetings.models import Participant

pytestmark = pytest.mark.django_db


def _held_event(member_co, focal_br):
    event = make_event(days_ahead=30, title="Workshop held")
    attended = register_self(event=event, user=member_co)
    absent = register_self(event=event, user=focal_br)
    event.meeting.start_date = event.meeting.end_date = event.meeting.start_date.replace(year=2024)
    event.meeting.save()
    return event, attended, absent


def test_attendance_makes_participants_and_certificate_codes(member_co, focal_br, secretariat):
    event, attended, absent = _held_event(member_co, focal_br)
    assert attendance_record(event=event, user=secretariat, attended_ids=[attended.pk]) == 1
    attended.refresh_from_db()
    absent.refresh_from_db()
    assert attended.attended and len(attended.certificate_code) == 14
    assert not absent.attended and absent.certificate_code is None
    participant = Participant.objects.get(meeting=event.meeting)
    assert (participant.institution.slug, participant.attended) == ("ministry-co", True)
    # Taken again: the same rows, the same code.
    code = attended.certificate_code
    attendance_record(event=event, user=secretariat, attended_ids=[attended.pk])
    attended.refresh_from_db()
    assert attended.certificate_code == code and Participant.objects.filter(meeting=event.meeting).count() == 1


def test_attendance_is_refused_before_the_event_and_for_unconfirmed(member_co, focal_br, secretariat):
    upcoming = make_event()
    registration = register_self(event=upcoming, user=member_co)
    with pytest.raises(ValidationError, match="once the event has begun"):
        attendance_record(event=upcoming, user=secretariat, attended_ids=[registration.pk])
    event, _attended, _absent = _held_event(member_co, focal_br)
    with pytest.raises(ValidationError, match="Only confirmed"):
        attendance_record(event=event, user=secretariat, attended_ids=[registration.pk])


def test_a_participant_downloads_a_certificate_anyone_can_verify(client, member_co, focal_br, secretariat):
    event, attended, absent = _held_event(member_co, focal_br)
    attendance_record(event=event, user=secretariat, attended_ids=[attended.pk])
    attended.refresh_from_db()
    login(client, member_co)
    response = client.get(reverse("events:certificate", args=[attended.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(__import__("io").BytesIO(response.content)).pages[0].extract_text()
    assert "Certificate of attendance" in text and "Workshop held" in text and attended.certificate_code in text
    login(client, focal_br)
    assert client.get(reverse("events:certificate", args=[absent.pk])).status_code == 404
    client.logout()
    page = client.get(reverse("events:verify", args=[attended.certificate_code.lower()]))
    assert page.status_code == 200 and "This certificate is valid." in page.content.decode()
    assert "Member Co" in page.content.decode()
    assert client.get(reverse("events:verify_form") + f"?code={attended.certificate_code}").status_code == 302
    forged = client.get(reverse("events:verify", args=["AAAA-BBBB-CCCC"]))
    assert forged.status_code == 404 and "No certificate has the code" in forged.content.decode()


def test_the_evaluation_is_answered_by_those_who_attended_and_summarised(client, member_co, focal_br, secretariat):
    event, attended, absent = _held_event(member_co, focal_br)
    attendance_record(event=event, user=secretariat, attended_ids=[attended.pk])
    attended.refresh_from_db()
    with pytest.raises(ValidationError, match="for those who attended"):
        evaluation_answer(registration=absent, user=focal_br, objectives_met=5, usefulness=5, organisation=5)
    login(client, member_co)
    response = client.post(reverse("events:evaluation", args=[attended.pk]),
                           {"objectives_met": "4", "usefulness": "5", "organisation": "3", "will_apply": "Checklists"})
    assert response.status_code == 302
    assert Evaluation.objects.get(registration=attended).usefulness == 5
    bad = client.post(reverse("events:evaluation", args=[attended.pk]), {"objectives_met": "9"})
    assert bad.status_code == 200 and Evaluation.objects.get(registration=attended).objectives_met == 4
    page = client.get(event.get_absolute_url()).content.decode()
    assert "1 person attended, from 1 countries." in page
    assert "objectives met 4.0, usefulness 5.0, organisation 3.0" in page


def test_the_secretariat_records_attendance_results_and_lessons_on_the_page(client, member_co, focal_br, secretariat):
    event, attended, _absent = _held_event(member_co, focal_br)
    login(client, secretariat)
    url = reverse("events:manage", args=[event.pk])
    client.post(url, {"attendance-attended": [str(attended.pk)], "attendance-submit": "1"})
    client.post(url, {"report-results": "Two ministries agreed to exchange inspectors.",
                      "report-lessons_learned": "Send materials ahead.", "report-submit": "1"})
    assert Registration.objects.get(pk=attended.pk).attended
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Two ministries agreed" in page and "Send materials ahead." in page
    login(client, member_co)
    assert client.get(url).status_code == 403


def test_attendance_counts_flow_into_the_country_page(client, member_co, focal_br, secretariat):
    event, attended, _absent = _held_event(member_co, focal_br)
    attendance_record(event=event, user=secretariat, attended_ids=[attended.pk])
    page = client.get("/en/countries/CO/").content.decode()
    assert "1 participant from this country attended these events." in page
    assert "Workshop held" in page
