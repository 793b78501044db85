"""Roles follow from the directory: current positions and focal point designations, nothing stored twice."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from rial.accounts.roles import roles_for
from rial.directory.demo import ministry_slug
from rial.directory.models import FocalPointDesignation, Institution, Position
from rial.directory.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def test_anonymous_and_unplaced_users_are_public():
    assert roles_for(AnonymousUser()).names == ["public"]
    assert roles_for(UserFactory(username="nobody")).names == ["public"]


@pytest.mark.parametrize(("persona", "expected"), [
    ("focal_cl", ["focal_point", "ministry_member"]),
    ("member_co", ["ministry_member"]),
    ("cosate_rep", ["social_partner"]),
    ("ilo_rep", ["partner_organization"]),
    ("secretariat", ["secretariat"]),
])
def test_each_persona_has_the_role_of_its_position(request, persona, expected):
    assert roles_for(request.getfixturevalue(persona)).names == expected


def test_a_focal_point_acts_only_for_the_designating_ministry(focal_cl):
    roles = roles_for(focal_cl)
    assert roles.focal_point_for == {_ministry("CL").pk}
    assert _ministry("BR").pk not in roles.focal_point_for


def test_an_ended_designation_no_longer_makes_a_focal_point(focal_cl):
    FocalPointDesignation.objects.filter(person__user=focal_cl).update(until=datetime.date(2021, 1, 1))
    assert "focal_point" not in roles_for(focal_cl).names


def test_an_ended_position_at_the_secretariat_removes_the_secretariat_role(secretariat):
    Position.objects.filter(person__user=secretariat).update(end=datetime.date(2021, 1, 1))
    assert roles_for(secretariat).names == ["public"]


def test_an_archived_person_or_inactive_user_has_no_role(focal_cl, secretariat):
    focal_cl.person.archive()
    focal_cl.person.save()
    assert roles_for(focal_cl).names == ["public"]
    secretariat.is_active = False
    secretariat.save()
    assert roles_for(secretariat).names == ["public"]


def test_django_staff_flag_alone_gives_no_power(member_co):
    member_co.is_staff = True
    member_co.save()
    assert not member_co.has_perm("accounts.use_admin")
    assert not member_co.has_perm("directory.change_institution", _ministry("CL"))


def test_roles_are_computed_once_per_user_object(focal_cl, django_assert_num_queries):
    with django_assert_num_queries(2):
        roles_for(focal_cl)
        roles_for(focal_cl)
