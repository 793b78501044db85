import datetime

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import Conclusion, Meeting
from rial.meetings.services.meetings import question_answer
from rial.meetings.tests.factories import (
    ConclusionFactory,
    MeetingFactory,
    ParticipantFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_reference_meetings(client):
    page = client.get(reverse("meetings:list")).content.decode()
    assert "RIAL workshop on labor migration" in page
    assert "Asunción" in page


def test_the_list_filters_by_kind_and_year(client):
    response = client.get(reverse("meetings:list"), {"kind": "planning", "year": "2016"})
    meetings = list(response.context["page"].object_list)
    assert [m.start_date for m in meetings] == [datetime.date(2016, 2, 25)]


def test_a_nonsense_filter_is_refused_with_a_message(client):
    response = client.get(reverse("meetings:list"), {"year": "next year"})
    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()


def test_the_public_does_not_see_unpublished_meetings(client, secretariat):
    draft = MeetingFactory(title_en="Unpublished planning", is_published=False)
    assert "Unpublished planning" not in client.get(reverse("meetings:list")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404  # it does not exist for them
    login(client, secretariat)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_the_detail_counts_attending_ministries_and_organizations(client):
    meeting = MeetingFactory(agenda="Opening\nPanel on labor inspection\nClosing")
    for slug in ("ministry-cl", "ministry-br", "ministry-co"):
        ParticipantFactory(meeting=meeting, institution=Institution.objects.get(slug=slug))
    ParticipantFactory(meeting=meeting, institution=Institution.objects.get(slug="ministry-ar"), attended=False)
    ParticipantFactory(meeting=meeting, institution=Institution.objects.get(slug="ilo"))
    ConclusionFactory(meeting=meeting, kind=Conclusion.Kind.RECOMMENDATION, text="Share inspection tools.")
    response = client.get(meeting.get_absolute_url())
    attending = response.context["attending"]
    assert attending.attending_ministries == 3
    assert attending.others_count == 1
    page = response.content.decode()
    assert "Panel on labor inspection" in page
    assert "Share inspection tools." in page


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for number in range(30):
        meeting = MeetingFactory(title_en=f"Grown meeting {number}")
        ParticipantFactory(meeting=meeting, institution=Institution.objects.get(slug="ministry-cl"))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("meetings:list"))
    assert response.status_code == 200


def test_the_page_is_translated_into_spanish(client):
    meeting = Meeting.objects.get(start_date=datetime.date(2017, 4, 28))
    page = client.get(f"/es/meetings/{meeting.pk}/").content.decode()
    assert "Segunda reunión del Grupo de Trabajo 2" in page
    assert "Ministerios asistentes" in page
    assert "Reuniones del ciclo de la conferencia" in client.get("/es/meetings/").content.decode()


def test_the_detail_runs_a_constant_number_of_queries(client, focal_cl, django_assert_max_num_queries):
    meeting = MeetingFactory()
    chile = Institution.objects.get(slug="ministry-cl")
    for number in range(10):
        ParticipantFactory(meeting=meeting, institution=chile)
        ConclusionFactory(meeting=meeting)
        question = QuestionFactory(meeting=meeting)
        question_answer(question=question, institution=chile, user=focal_cl, text=f"Answer {number}")
    login(client, focal_cl)
    with django_assert_max_num_queries(22):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count("Answer ") >= 10
