import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.directory.models import Institution
from rial.meetings.services.meetings import question_answer
from rial.meetings.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_a_focal_point_answers_for_their_ministry(client, focal_cl):
    question = QuestionFactory()
    chile = Institution.objects.get(slug="ministry-cl")
    login(client, focal_cl)
    response = client.post(reverse("meetings:answer", args=[question.pk]),
                           {"institution": chile.pk, "text": "We created a mobile inspection unit."})
    assert response.status_code == 302
    answer = question.answers.get()
    assert answer.institution == chile and answer.submitted_by == focal_cl
    assert "We created a mobile inspection unit." in client.get(question.meeting.get_absolute_url()).content.decode()


def test_a_second_answer_replaces_the_first(focal_cl):
    question = QuestionFactory()
    chile = Institution.objects.get(slug="ministry-cl")
    question_answer(question=question, institution=chile, user=focal_cl, text="First")
    question_answer(question=question, institution=chile, user=focal_cl, text="Second")
    assert list(question.answers.values_list("text", flat=True)) == ["Second"]


def test_nobody_answers_for_another_delegation(focal_cl):
    question = QuestionFactory()
    with pytest.raises(PermissionDenied):
        question_answer(question=question, institution=Institution.objects.get(slug="ministry-br"), user=focal_cl,
                        text="Not ours")
    assert not question.answers.exists()


def test_a_social_partner_cannot_answer_as_a_delegation(client, cosate_rep):
    question = QuestionFactory()
    login(client, cosate_rep)
    assert client.get(reverse("meetings:answer", args=[question.pk])).status_code == 403


def test_the_deadline_is_enforced(client, focal_cl):
    question = QuestionFactory(answers_due=timezone.now() - datetime.timedelta(hours=1))
    login(client, focal_cl)
    response = client.post(reverse("meetings:answer", args=[question.pk]),
                           {"institution": Institution.objects.get(slug="ministry-cl").pk, "text": "Late"})
    assert "The deadline for written answers to this question has passed." in response.content.decode()
    assert not question.answers.exists()


def test_an_empty_answer_is_refused(focal_cl):
    question = QuestionFactory()
    with pytest.raises(ValidationError):
        question_answer(question=question, institution=Institution.objects.get(slug="ministry-cl"),
                        user=focal_cl, text="   ")


def test_the_public_does_not_see_written_answers(client, focal_cl):
    question = QuestionFactory()
    question_answer(question=question, institution=Institution.objects.get(slug="ministry-cl"), user=focal_cl,
                    text="Delegation text only for participants")
    assert "Delegation text only for participants" not in client.get(question.meeting.get_absolute_url()).content.decode()
