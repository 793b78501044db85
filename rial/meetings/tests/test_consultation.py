import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import Consultation, ConsultationAnswer
from rial.meetings.services.consultation import consultation_answer, consultation_close, consultation_open
from rial.meetings.tasks import close_consultation

pytestmark = pytest.mark.django_db
Answer = ConsultationAnswer.Answer


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=f"ministry-{iso2}")


def open_consultation(user, *, silence=True, countries=("cl", "br", "co")) -> Consultation:
    consultation = Consultation(title="Work Plan 2026-2027", description="Do you approve the attached work plan?",
                                subject=Consultation.Subject.WORK_PLAN, silence_is_approval=silence,
                                deadline=timezone.now() + datetime.timedelta(days=10))
    return consultation_open(consultation=consultation, consulted=[ministry(c) for c in countries], user=user)


def pass_deadline(consultation: Consultation) -> None:
    Consultation.objects.filter(pk=consultation.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    consultation.refresh_from_db()


def test_opening_schedules_the_closing_at_the_deadline(secretariat, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        consultation = open_consultation(secretariat)
    queued = default_task_backend.results
    assert [result.task.name for result in queued] == ["close_consultation"]
    assert queued[0].task.run_after == consultation.deadline
    assert queued[0].args == [consultation.pk]


def test_a_task_run_before_the_deadline_leaves_it_open(secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        consultation = open_consultation(secretariat)  # the test backend runs the task at once
    assert len(callbacks) == 1
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.OPEN


def test_silence_counts_as_approval_when_the_consultation_says_so(secretariat, focal_cl):
    consultation = open_consultation(secretariat)
    consultation_answer(consultation=consultation, institution=ministry("cl"), answer=Answer.APPROVE, comment="",
                        user=focal_cl)
    pass_deadline(consultation)
    close_consultation.enqueue(consultation.pk)
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    assert consultation.outcome == Consultation.Outcome.APPROVED
    answers = dict(consultation.answers.values_list("institution__slug", "answer"))
    assert answers == {"ministry-cl": "approve", "ministry-br": "tacit", "ministry-co": "tacit"}


def test_without_that_rule_missing_answers_leave_no_decision(secretariat, focal_cl):
    consultation = open_consultation(secretariat, silence=False)
    consultation_answer(consultation=consultation, institution=ministry("cl"), answer=Answer.APPROVE, comment="",
                        user=focal_cl)
    pass_deadline(consultation)
    call_command("close_consultations")
    consultation.refresh_from_db()
    assert consultation.outcome == Consultation.Outcome.INCOMPLETE
    assert consultation.answers.count() == 1


def test_an_objection_means_not_approved(secretariat, focal_cl, focal_br):
    consultation = open_consultation(secretariat, countries=("cl", "br"))
    consultation_answer(consultation=consultation, institution=ministry("cl"), answer=Answer.APPROVE, comment="",
                        user=focal_cl)
    consultation_answer(consultation=consultation, institution=ministry("br"), answer=Answer.OBJECT,
                        comment="The budget line for studies is too low.", user=focal_br)
    closed = consultation_close(consultation=consultation, user=secretariat)
    assert closed.outcome == Consultation.Outcome.OBJECTED


def test_closing_twice_changes_nothing(secretariat):
    consultation = open_consultation(secretariat)
    pass_deadline(consultation)
    first = consultation_close(consultation=consultation)
    second = consultation_close(consultation=consultation)
    assert first.closed_at == second.closed_at
    assert consultation.answers.count() == 3


def test_the_secretariat_cannot_close_early_while_answers_are_missing(secretariat):
    consultation = open_consultation(secretariat)
    with pytest.raises(ValidationError):
        consultation_close(consultation=consultation, user=secretariat)
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.OPEN and not consultation.answers.exists()


def test_an_objection_needs_a_reason(secretariat, focal_cl):
    consultation = open_consultation(secretariat)
    with pytest.raises(ValidationError):
        consultation_answer(consultation=consultation, institution=ministry("cl"), answer=Answer.OBJECT,
                            comment=" ", user=focal_cl)
    assert not consultation.answers.exists()


def test_no_answer_after_the_deadline(secretariat, focal_cl):
    consultation = open_consultation(secretariat)
    pass_deadline(consultation)
    with pytest.raises(ValidationError):
        consultation_answer(consultation=consultation, institution=ministry("cl"), answer=Answer.APPROVE,
                            comment="", user=focal_cl)


def test_only_consulted_focal_points_answer_and_only_for_their_ministry(secretariat, focal_cl, member_co, client):
    consultation = open_consultation(secretariat, countries=("cl", "co"))
    with pytest.raises(PermissionDenied):
        consultation_answer(consultation=consultation, institution=ministry("co"), answer=Answer.APPROVE,
                            comment="", user=focal_cl)
    with pytest.raises(PermissionDenied):
        consultation_answer(consultation=consultation, institution=ministry("co"), answer=Answer.APPROVE,
                            comment="", user=member_co)
    login(client, member_co)
    assert client.get(consultation.get_absolute_url()).status_code == 403
    assert not consultation.answers.exists()


def test_a_consultation_not_put_to_you_is_hidden(secretariat, focal_br, client):
    consultation = open_consultation(secretariat, countries=("cl",))
    login(client, focal_br)
    assert client.get(consultation.get_absolute_url()).status_code == 403
    assert consultation.title not in client.get(reverse("meetings:consultations")).content.decode()


def test_only_the_secretariat_opens_and_closes(secretariat, focal_cl, client):
    with pytest.raises(PermissionDenied):
        open_consultation(focal_cl)
    consultation = open_consultation(secretariat, countries=("cl",))
    pass_deadline(consultation)
    with pytest.raises(PermissionDenied):
        consultation_close(consultation=consultation, user=focal_cl)
    login(client, focal_cl)
    assert client.get(reverse("meetings:consultation_add")).status_code == 403
    assert client.post(reverse("meetings:consultation_close", args=[consultation.pk])).status_code == 403
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.OPEN


def test_a_past_deadline_is_refused_on_the_page(secretariat_client):
    response = secretariat_client.post(reverse("meetings:consultation_add"), {
        "title": "Late", "subject": "other", "description": "x", "deadline": "2020-01-01T10:00",
        "silence_is_approval": "on", "consulted": [ministry("cl").pk]})
    assert "The deadline must be in the future." in response.content.decode()
    assert not Consultation.objects.filter(title="Late").exists()


def test_a_focal_point_answers_on_the_page(secretariat, focal_cl, client):
    consultation = open_consultation(secretariat)
    login(client, focal_cl)
    response = client.post(consultation.get_absolute_url(), {"institution": ministry("cl").pk, "answer": "comment",
                                                             "comment": "Add a webinar on telework."})
    assert response.status_code == 302
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Add a webinar on telework." in page
