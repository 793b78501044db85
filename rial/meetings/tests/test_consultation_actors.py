"""Every authority named in a consultation sees it and answers it: ministries through their focal points,
COSATE, CEATAL and partner organizations through their representatives; nobody else (role × path)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.meetings.models import Consultation
from rial.meetings.services.consultation import consultation_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def ceatal_rep(db):
    return user_with_position("ceatal-rep", Institution.objects.get(slug="ceatal"))


@pytest.fixture
def consultation(secretariat):
    named = Institution.objects.filter(slug__in=["ministry-cl", "cosate", "ilo"])
    return consultation_open(consultation=Consultation(
        title="Draft Work Plan 2027", description="Do you approve the draft?",
        deadline=timezone.now() + datetime.timedelta(days=10)), consulted=list(named), user=secretariat)


@pytest.mark.parametrize(("persona", "slug", "may_act"), [
    ("focal_cl", "ministry-cl", True),
    ("cosate_rep", "cosate", True),
    ("ilo_rep", "ilo", True),
    ("ceatal_rep", "ceatal", False),      # an advisory body not named in this consultation
    ("member_co", "ministry-co", False),  # a ministry official who is not a focal point, ministry not named
    ("focal_br", "ministry-br", False),   # a focal point of a ministry not named
])
def test_who_sees_and_answers(client, request, consultation, persona, slug, may_act):
    login(client, request.getfixturevalue(persona))
    listed = consultation.title in client.get(reverse("meetings:consultations")).content.decode()
    assert listed is may_act
    assert client.get(consultation.get_absolute_url()).status_code == (200 if may_act else 403)
    response = client.post(consultation.get_absolute_url(), {
        "institution": Institution.objects.get(slug=slug).pk, "answer": "comment",
        "comment": f"Comment from {slug}."})
    assert response.status_code == (302 if may_act else 403)
    assert consultation.answers.filter(institution__slug=slug).exists() is may_act


def test_a_representative_answers_only_for_their_own_body(client, consultation, cosate_rep):
    login(client, cosate_rep)
    client.post(consultation.get_absolute_url(), {
        "institution": Institution.objects.get(slug="ilo").pk, "answer": "approve", "comment": ""})
    assert not consultation.answers.filter(institution__slug="ilo").exists()
