"""A Working Group report becomes final only through its transition, never through the edit form; its
recommendations reach a draft Plan of Action through the conference's own service."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.conference.models import ConferenceDocument, Mandate
from rial.conference.services import plan_propose_mandates
from rial.meetings.models import WorkingGroupReport
from rial.meetings.services.report import report_carry_recommendations, report_draft
from rial.meetings.tests.factories import conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)


@pytest.fixture
def report(secretariat):
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=("BR",))
    report = report_draft(group=group, period_start=START, period_end=END, language="en", user=secretariat)
    report.recommendations = "Use remote inspection tools.\nCollect fines effectively."
    report.save()
    return report


def _text(report, **changes) -> dict:
    return {"title": report.title, "introduction": report.introduction, "topics_summary": report.topics_summary,
            "consensus": report.consensus, "further_work": report.further_work,
            "recommendations": report.recommendations, **changes}


def test_the_edit_form_cannot_make_a_report_final(client, report, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("meetings:report_edit", args=[report.pk]),
                           _text(report, introduction="Edited.", status="final"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.introduction == "Edited." and report.status == WorkingGroupReport.Status.DRAFT
    assert 'name="status"' not in client.get(reverse("meetings:report_edit", args=[report.pk])).content.decode()


def test_the_final_move_is_a_logged_transition_and_it_can_be_undone(client, report, focal_cl, member_co):
    url = reverse("meetings:report_transition", args=[report.pk, "finalise"])
    login(client, member_co)
    assert client.post(url).status_code == 404  # a draft report does not exist for them
    login(client, focal_cl)
    page = client.get(reverse("meetings:report", args=[report.pk])).content.decode()
    assert url in page
    client.post(url)
    report.refresh_from_db()
    assert report.status == WorkingGroupReport.Status.FINAL
    assert report.history.latest("history_id").history_change_reason == "meetings.report.finalised"
    response = client.post(url, follow=True)  # already final: refused with the possible moves named
    assert "Possible now: “set the report back to draft”" in response.content.decode()
    client.post(reverse("meetings:report_transition", args=[report.pk, "reopen"]))
    report.refresh_from_db()
    assert report.status == WorkingGroupReport.Status.DRAFT


def test_a_get_does_not_move_a_report(client, report, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("meetings:report_transition", args=[report.pk, "finalise"])).status_code == 405
    report.refresh_from_db()
    assert report.status == WorkingGroupReport.Status.DRAFT


def test_carried_recommendations_are_mandates_proposed_by_the_conference_service(report, secretariat):
    draft, _mandates = plan_with_mandates(report.group.conference, status=ConferenceDocument.Status.DRAFT, count=1)
    created = report_carry_recommendations(report=report, plan=draft, user=secretariat)
    assert len(created) == 2
    for mandate in created:
        assert mandate.history.latest("history_id").history_change_reason == "conference.mandate.proposed"


def test_the_conference_service_refuses_an_adopted_plan_and_a_non_secretariat(report, secretariat, focal_cl):
    plan, _mandates = plan_with_mandates(report.group.conference, count=1)
    with pytest.raises(ValidationError):
        plan_propose_mandates(plan=plan, texts=["A new mandate."], note="", user=secretariat)
    plan.status = ConferenceDocument.Status.DRAFT
    plan.save()
    with pytest.raises(PermissionDenied):
        plan_propose_mandates(plan=plan, texts=["A new mandate."], note="", user=focal_cl)
    assert Mandate.objects.filter(text="A new mandate.").count() == 0
