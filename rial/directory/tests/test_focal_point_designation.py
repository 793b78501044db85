"""A focal point designates colleagues of their own ministry and ends designations; nothing is deleted."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from conftest import login
from rial.accounts.roles import roles_for
from rial.directory.demo import ministry_slug
from rial.directory.models import FocalPointDesignation, Institution, today
from rial.directory.tests.factories import user_with_position

pytestmark = pytest.mark.django_db

CL = ministry_slug("CL")
PAGE = reverse("directory:focal_points", kwargs={"slug": CL})


@pytest.fixture
def member_cl(db):
    return user_with_position("member-cl", Institution.objects.get(slug=CL))


def _designate(client, who, **extra):
    return client.post(PAGE, {"person": who.pk, "since": "2026-01-15", "note": "Letter 12/2026", **extra})


def test_a_focal_point_designates_a_colleague_who_becomes_focal_point(client, focal_cl, member_cl):
    login(client, focal_cl)
    response = _designate(client, member_cl.person)
    assert response.status_code == 302
    designation = FocalPointDesignation.objects.get(person=member_cl.person)
    assert designation.designated_by == focal_cl
    assert designation.history.get().history_change_reason == "directory.focal_point.designated"
    member_cl.refresh_from_db()
    assert roles_for(member_cl).focal_point_for == {designation.institution_id}


@pytest.mark.parametrize("persona", ["member_cl", "focal_br", "member_co", "cosate_rep", "ilo_rep"])
def test_other_roles_cannot_designate_and_nothing_changes(client, request, member_cl, persona):
    login(client, request.getfixturevalue(persona))
    count = FocalPointDesignation.objects.count()
    assert client.get(PAGE).status_code == 403
    assert _designate(client, member_cl.person).status_code == 403
    assert FocalPointDesignation.objects.count() == count


def test_the_secretariat_designates_for_any_ministry(client, secretariat, member_cl):
    login(client, secretariat)
    assert _designate(client, member_cl.person).status_code == 302
    assert FocalPointDesignation.objects.filter(person=member_cl.person).exists()


def test_only_people_of_the_ministry_can_be_chosen(client, focal_cl, focal_br):
    login(client, focal_cl)
    response = _designate(client, focal_br.person)
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not FocalPointDesignation.objects.filter(person=focal_br.person, institution__slug=CL).exists()


def test_designating_someone_twice_is_refused_with_a_message(client, focal_cl):
    login(client, focal_cl)
    response = _designate(client, focal_cl.person)
    assert "already a focal point of this institution" in response.content.decode()
    assert FocalPointDesignation.objects.filter(person=focal_cl.person).count() == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("since", "not a date", "Enter a valid date."),
    ("note", "x" * 301, "Ensure this value has at most 300 characters"),
    ("person", "999999", "Select a valid choice."),
])
def test_bad_input_is_explained_and_nothing_is_saved(client, focal_cl, member_cl, field, value, message):
    login(client, focal_cl)
    response = _designate(client, member_cl.person, **{field: value})
    assert message in response.content.decode()
    assert not FocalPointDesignation.objects.filter(person=member_cl.person).exists()


def test_ending_a_designation_keeps_it_in_the_record(client, focal_cl, member_cl):
    login(client, focal_cl)
    _designate(client, member_cl.person)
    designation = FocalPointDesignation.objects.get(person=member_cl.person)
    end = reverse("directory:focal_point_end", kwargs={"slug": CL, "pk": designation.pk})
    response = client.post(end, follow=True)
    assert "is no longer a focal point" in response.content.decode()
    designation.refresh_from_db()
    assert designation.until is not None
    assert designation.history.latest("history_id").history_change_reason == "directory.focal_point.ended"


def test_a_focal_point_cannot_end_another_ministrys_designation(client, focal_cl, focal_br):
    login(client, focal_cl)
    designation = FocalPointDesignation.objects.get(person=focal_br.person)
    end_br = reverse("directory:focal_point_end", kwargs={"slug": ministry_slug("BR"), "pk": designation.pk})
    assert client.post(end_br).status_code == 403
    # nor by pretending it belongs to Chile
    assert client.post(reverse("directory:focal_point_end", kwargs={"slug": CL, "pk": designation.pk})).status_code == 404
    designation.refresh_from_db()
    assert designation.until is None


def test_an_ended_designation_cannot_be_ended_again(client, focal_cl, member_cl):
    login(client, focal_cl)
    _designate(client, member_cl.person)
    designation = FocalPointDesignation.objects.get(person=member_cl.person)
    FocalPointDesignation.objects.filter(pk=designation.pk).update(until=datetime.date(2026, 2, 1))
    end = reverse("directory:focal_point_end", kwargs={"slug": CL, "pk": designation.pk})
    response = client.post(end, follow=True)
    assert "already ended" in response.content.decode()


def test_ending_needs_a_post(client, focal_cl):
    login(client, focal_cl)
    designation = FocalPointDesignation.objects.get(person=focal_cl.person)
    assert client.get(reverse("directory:focal_point_end", kwargs={"slug": CL, "pk": designation.pk})).status_code == 405


def test_the_page_runs_a_bounded_number_of_queries(client, focal_cl, django_assert_max_num_queries):
    login(client, focal_cl)
    with django_assert_max_num_queries(12):
        assert client.get(PAGE).status_code == 200


def test_the_date_field_starts_at_today_in_the_format_browsers_accept(client, focal_cl):
    login(client, focal_cl)
    page = client.get(f"/es{PAGE[3:]}").content.decode()
    assert f'type="date" name="since" value="{today().isoformat()}"' in page


def test_the_database_refuses_a_second_open_designation_even_past_the_service(focal_cl):
    designation = FocalPointDesignation.objects.get(person=focal_cl.person)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPointDesignation.objects.create(person=designation.person, institution=designation.institution,
                                             since=designation.since)
