import datetime
import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from conftest import login
from rial.conference.models import ConferenceDocument, Mandate
from rial.directory.models import Country, Institution
from rial.meetings.models import Conclusion, WorkingGroupReport
from rial.meetings.report_export import report_docx, report_pdf
from rial.meetings.services.report import report_carry_recommendations, report_draft
from rial.meetings.tests.factories import (
    ConclusionFactory,
    MeetingFactory,
    ParticipantFactory,
    conference_with_group,
    plan_with_mandates,
)
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)


@pytest.fixture
def group():
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=("BR",))
    first = MeetingFactory(title_en="First meeting of the group", start_date=datetime.date(2026, 6, 29),
                           end_date=None, city="Washington, D.C.", country=Country.objects.get(iso2="US"))
    second = MeetingFactory(title_en="Second meeting of the group", start_date=datetime.date(2027, 4, 28),
                            end_date=None, city="Asunción", country=Country.objects.get(iso2="PY"))
    outside = MeetingFactory(title_en="A meeting of another period", start_date=datetime.date(2025, 3, 1))
    for meeting in (first, second, outside):
        meeting.working_groups.add(group)
    first.topics.add(Topic.objects.get(slug="labor-inspection"))
    for slug in ("ministry-cl", "ministry-br", "ilo", "cosate"):
        ParticipantFactory(meeting=first, institution=Institution.objects.get(slug=slug))
    for slug in ("ministry-cl", "ministry-co", "ministry-py"):
        ParticipantFactory(meeting=second, institution=Institution.objects.get(slug=slug))
    ConclusionFactory(meeting=first, kind=Conclusion.Kind.CONSENSUS, number=1, text="Inspection must be strengthened.")
    ConclusionFactory(meeting=second, kind=Conclusion.Kind.FURTHER_WORK, number=1, text="What drives compliance?")
    ConclusionFactory(meeting=second, kind=Conclusion.Kind.RECOMMENDATION, number=1, text="Use remote inspection tools.")
    ConclusionFactory(meeting=second, kind=Conclusion.Kind.RECOMMENDATION, number=2, text="Collect fines effectively.")
    ConclusionFactory(meeting=outside, kind=Conclusion.Kind.RECOMMENDATION, number=1, text="Out of period.")
    return group


def test_the_draft_gathers_meetings_attendance_and_conclusions(group, secretariat):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    assert report.title == f"Final report of {group}, 2026–2027"
    assert "held 2 meetings" in report.introduction
    assert "First meeting of the group" in report.introduction and "Asunción" in report.introduction
    assert "Officials of 4 ministries of labor took part." in report.introduction
    assert "Trade Union Technical Advisory Council" in report.introduction
    assert "Labor inspection" in report.topics_summary
    assert report.points(report.consensus) == ["Inspection must be strengthened."]
    assert report.points(report.further_work) == ["What drives compliance?"]
    assert report.points(report.recommendations) == ["Use remote inspection tools.", "Collect fines effectively."]


def test_the_docx_has_the_four_sections_and_the_edited_text(group, secretariat):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    report.recommendations += "\nAn edited recommendation."
    document = docx.Document(io.BytesIO(report_docx(report)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["I. INTRODUCTION", "II. SUMMARY OF TOPICS",
                        "III. AREAS OF CONSENSUS AND ISSUES FOR FURTHER WORK", "Areas of consensus",
                        "Issues for further work", "IV. RECOMMENDATIONS"]
    texts = [p.text for p in document.paragraphs]
    assert "1. Use remote inspection tools." in texts
    assert "3. An edited recommendation." in texts


def test_the_pdf_reads_back_with_its_sections(group, secretariat):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(report_pdf(report))).pages)
    assert "IV. RECOMMENDATIONS" in text
    assert "2. Collect fines effectively." in text
    assert "Asunción" in text


def test_a_spanish_report_has_spanish_headings_and_text(group, secretariat):
    report = report_draft(group=group, period_start=START, period_end=END, language="es", user=secretariat)
    assert report.title.startswith("Informe final del ")
    assert "celebró 2 reuniones" in report.introduction
    assert "Inspección del trabajo" in report.topics_summary
    document = docx.Document(io.BytesIO(report_docx(report)))
    assert "IV. RECOMENDACIONES" in [p.text for p in document.paragraphs]
    text = PdfReader(io.BytesIO(report_pdf(report))).pages[0].extract_text()
    assert "I. INTRODUCCIÓN" in text


def test_a_draft_is_not_public_but_a_final_report_is(group, secretariat, client):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    assert client.get(reverse("meetings:report_docx", args=[report.pk])).status_code == 404  # none, for them
    report.status = WorkingGroupReport.Status.FINAL
    report.save()
    response = client.get(reverse("meetings:report_pdf", args=[report.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_groups_authority_edits_and_others_cannot(group, secretariat, focal_cl, member_co, client):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    login(client, member_co)
    assert client.get(reverse("meetings:report_edit", args=[report.pk])).status_code == 404  # a draft, unseen
    login(client, focal_cl)
    data = {"title": report.title, "introduction": "Edited by the chair.", "topics_summary": "",
            "consensus": report.consensus, "further_work": "", "recommendations": report.recommendations,
            "status": "draft"}
    assert client.post(reverse("meetings:report_edit", args=[report.pk]), data).status_code == 302
    report.refresh_from_db()
    assert report.introduction == "Edited by the chair."
    assert client.get(reverse("meetings:report_add")).status_code == 403


def test_a_period_ending_before_it_starts_is_refused(secretariat_client, group):
    response = secretariat_client.post(reverse("meetings:report_add"), {
        "group": group.pk, "period_start": "2027-01-01", "period_end": "2026-01-01", "language": "en"})
    assert "The period must end after it starts." in response.content.decode()
    assert not WorkingGroupReport.objects.exists()


def test_recommendations_become_proposed_mandates_of_the_draft_plan_once(group, secretariat):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    draft, _mandates = plan_with_mandates(group.conference, status=ConferenceDocument.Status.DRAFT, count=1)
    created = report_carry_recommendations(report=report, plan=draft, user=secretariat)
    assert [mandate.text for mandate in created] == ["Use remote inspection tools.", "Collect fines effectively."]
    assert report_carry_recommendations(report=report, plan=draft, user=secretariat) == []
    assert Mandate.objects.filter(plan=draft).count() == 3
    assert "Proposed from the recommendations" in created[0].notes


def test_an_adopted_plan_does_not_take_new_mandates(group, secretariat, focal_cl):
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    adopted, _mandates = plan_with_mandates(group.conference, count=1)
    with pytest.raises(ValidationError):
        report_carry_recommendations(report=report, plan=adopted, user=secretariat)
    with pytest.raises(PermissionDenied):
        report_carry_recommendations(report=report, plan=adopted, user=focal_cl)
    assert Mandate.objects.filter(plan=adopted).count() == 1
