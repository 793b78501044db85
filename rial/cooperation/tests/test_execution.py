import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.cooperation import exports, services
from rial.cooperation.models import Activity, Outcome, Participant, QuestionnaireAnswer, Report
from rial.cooperation.tests.factories import ministry
from rial.fund.models import Entry

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _execute(activity, user, *, days_ago: int = 20):
    return services.activity_record_execution(
        activity=activity, user=user, starts_on=TODAY - datetime.timedelta(days=days_ago + 2),
        ends_on=TODAY - datetime.timedelta(days=days_ago), travellers="A. Person, inspector, Chile",
        agenda_carried_out="Day 1\nDay 2")


def test_execution_is_recorded_and_dates_must_be_in_order(planned_activity, secretariat):
    with pytest.raises(ValidationError, match="end before it starts"):
        services.activity_record_execution(activity=planned_activity, user=secretariat, starts_on=TODAY,
                                           ends_on=TODAY - datetime.timedelta(days=1), travellers="", agenda_carried_out="")
    assert Activity.objects.get(pk=planned_activity.pk).state == Activity.State.PLANNED
    activity = _execute(planned_activity, secretariat)
    assert activity.state == Activity.State.EXECUTED and activity.year == activity.starts_on.year


def test_expenses_are_charged_to_the_fund_for_the_activity(client, planned_activity, secretariat):
    login(client, secretariat)
    response = client.post(reverse("cooperation:expense", kwargs={"pk": planned_activity.pk}), {
        "amount": "1500.50", "currency": "USD", "category": "airfare", "date": TODAY.isoformat(),
        "description": "Two economy tickets"})
    assert response.status_code == 302
    [entry] = exports.activity_expenses(planned_activity)
    assert entry["amount"] == Decimal("1500.50") and entry["category"] == "Airfare"
    assert Entry.objects.get(description="Two economy tickets").paid_for == planned_activity


@pytest.mark.parametrize("amount", ["-10", "ten", "99999999"])
def test_a_bad_or_unaffordable_expense_is_refused_and_nothing_is_charged(client, planned_activity, secretariat, amount):
    login(client, secretariat)
    response = client.post(reverse("cooperation:expense", kwargs={"pk": planned_activity.pk}), {
        "amount": amount, "currency": "USD", "category": "airfare", "date": TODAY.isoformat(), "description": "x"})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert exports.activity_expenses(planned_activity) == []


def test_an_unknown_currency_is_refused(planned_activity, secretariat):
    with pytest.raises(ValidationError):
        services.activity_charge_expense(activity=planned_activity, user=secretariat, amount="10", currency="XYZ",
                                         category="airfare", date=TODAY, description="x")
    assert exports.activity_expenses(planned_activity) == []


def test_a_focal_point_cannot_charge_expenses(planned_activity, focal_cl):
    with pytest.raises(PermissionDenied):
        services.activity_charge_expense(activity=planned_activity, user=focal_cl, amount="10", currency="USD",
                                         category="airfare", date=TODAY, description="x")


def test_each_party_files_its_report_and_then_the_activity_completes(planned_activity, secretariat, focal_cl, focal_br):
    with pytest.raises(ValidationError, match="after the activity"):
        services.report_file(activity=planned_activity, user=focal_cl, institution=ministry("CL"), summary="x")
    activity = _execute(planned_activity, secretariat)
    with pytest.raises(PermissionDenied):  # Chile's focal point files for Chile only
        services.report_file(activity=activity, user=focal_cl, institution=ministry("BR"), summary="x")
    services.report_file(activity=activity, user=focal_cl, institution=ministry("CL"), summary="Chile's report")
    services.report_file(activity=activity, user=focal_br, institution=ministry("BR"), summary="Brazil's report")
    with pytest.raises(ValidationError, match="missing from"):
        services.activity_complete(activity=activity, user=secretariat)
    services.report_file(activity=activity, user=secretariat, institution=ministry("AR"), summary="Argentina's report")
    assert services.activity_complete(activity=activity, user=secretariat).state == Activity.State.COMPLETED
    assert Report.objects.filter(activity=activity).count() == 3


def test_reminders_go_to_the_focal_points_whose_report_is_missing(planned_activity, secretariat, focal_cl, focal_br,
                                                                 django_capture_on_commit_callbacks):
    activity = _execute(planned_activity, secretariat, days_ago=28)  # due in 2 days (30-day deadline)
    services.report_file(activity=activity, user=focal_cl, institution=ministry("CL"), summary="done")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_cooperation_reminders")
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {focal_br.email}  # Chile filed; Argentina has no focal point with an email here
    assert "Report due" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_cooperation_reminders")  # the next day's run
    assert len(mail.outbox) == 1


def test_six_month_outcomes_are_recorded_with_evidence(client, planned_activity, secretariat, focal_cl):
    activity = _execute(planned_activity, secretariat)
    login(client, focal_cl)
    response = client.post(reverse("cooperation:outcome", kwargs={"pk": activity.pk}), {
        "institution": ministry("CL").pk, "category": "legal_reform", "description": "A draft bill.",
        "evidence": "Bill 123"})
    assert response.status_code == 302
    assert Outcome.objects.get(activity=activity).category == Outcome.Category.LEGAL_REFORM
    response = client.post(reverse("cooperation:outcome", kwargs={"pk": activity.pk}), {
        "institution": ministry("CL").pk, "category": "nonsense", "description": "x", "evidence": "y"})
    assert response.status_code == 200 and Outcome.objects.filter(activity=activity).count() == 1


def test_participants_answer_the_questionnaire_and_get_a_certificate(client, planned_activity, secretariat):
    activity = _execute(planned_activity, secretariat)
    participant = services.participant_add(activity=activity, user=secretariat, institution=ministry("CL"),
                                           full_name="Ana Pérez", email="ana@example.org")
    with pytest.raises(ValidationError):
        services.participant_add(activity=activity, user=secretariat, institution=ministry("MX"), full_name="X")
    login(client, secretariat)
    bad = client.post(reverse("cooperation:questionnaire", kwargs={"pk": participant.pk}),
                      {"objectives_met": 9, "usefulness": 5, "organisation": 5})
    assert bad.status_code == 200 and not QuestionnaireAnswer.objects.exists()
    client.post(reverse("cooperation:questionnaire", kwargs={"pk": participant.pk}),
                {"objectives_met": 5, "usefulness": 4, "organisation": 5, "will_apply": "the case file"})
    assert QuestionnaireAnswer.objects.get(participant=participant).usefulness == 4
    response = client.get(reverse("cooperation:certificate", kwargs={"pk": participant.pk}))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_an_outsider_cannot_download_a_certificate(client, planned_activity, secretariat, member_co):
    activity = _execute(planned_activity, secretariat)
    participant = Participant.objects.create(activity=activity, institution=ministry("CL"), full_name="A")
    assert login(client, member_co).get(reverse("cooperation:certificate", kwargs={"pk": participant.pk})
                                        ).status_code == 403


def test_the_participant_answers_their_own_questionnaire_and_no_one_else_can(client, planned_activity, secretariat,
                                                                            member_co):
    activity = _execute(planned_activity, secretariat)
    participant = services.participant_add(activity=activity, user=secretariat, institution=ministry("CL"),
                                           full_name="Ana Pérez", email=member_co.email)
    other = services.participant_add(activity=activity, user=secretariat, institution=ministry("CL"), full_name="B")
    login(client, member_co)
    assert client.get(reverse("cooperation:questionnaire", kwargs={"pk": other.pk})).status_code == 403
    client.post(reverse("cooperation:questionnaire", kwargs={"pk": participant.pk}),
                {"objectives_met": 4, "usefulness": 4, "organisation": 4})
    assert QuestionnaireAnswer.objects.get(participant=participant).objectives_met == 4
    assert client.get(reverse("cooperation:certificate", kwargs={"pk": participant.pk})).status_code == 200
