"""The rule "a focal point edits only their own ministry's records", on the page, for every role."""

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position

pytestmark = pytest.mark.django_db

CL = ministry_slug("CL")
EDIT_CL = reverse("directory:institution_edit", kwargs={"slug": CL})
NEW_CONTACT = {"website": "https://www.mintrab.gob.cl", "email": "contacto@example.cl", "phone": "+56 2 2753 0400",
               "address": "Huérfanos 1273, Santiago"}


@pytest.fixture
def member_cl(db):
    """An official of Chile's ministry who is not its focal point."""
    return user_with_position("member-cl", Institution.objects.get(slug=CL))


def _contact(slug: str = CL) -> tuple:
    return tuple(Institution.objects.filter(slug=slug).values_list("website", "email", "phone", "address").get())


@pytest.mark.parametrize("persona", ["member_cl", "member_co", "focal_br", "cosate_rep", "ilo_rep"])
def test_roles_other_than_chiles_focal_point_are_refused_and_nothing_changes(client, request, persona):
    login(client, request.getfixturevalue(persona))
    before = _contact()
    assert client.get(EDIT_CL).status_code == 403
    assert client.post(EDIT_CL, NEW_CONTACT).status_code == 403
    assert _contact() == before


def test_the_public_is_sent_to_log_in_and_nothing_changes(client):
    before = _contact()
    response = client.post(EDIT_CL, NEW_CONTACT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _contact() == before


@pytest.mark.parametrize("persona", ["focal_cl", "secretariat"])
def test_chiles_focal_point_and_the_secretariat_edit_chiles_contact(client, request, persona):
    login(client, request.getfixturevalue(persona))
    assert client.get(EDIT_CL).status_code == 200
    response = client.post(EDIT_CL, NEW_CONTACT, follow=True)
    assert "The contact details were saved." in response.content.decode()
    assert _contact() == tuple(NEW_CONTACT.values())


def test_the_edit_link_shows_only_to_those_who_may_edit(client, focal_cl, focal_br):
    page = reverse("directory:institution", kwargs={"slug": CL})
    login(client, focal_br)
    assert EDIT_CL not in client.get(page).content.decode()
    login(client, focal_cl)
    assert EDIT_CL in client.get(page).content.decode()


def test_a_focal_point_reaching_another_ministry_by_url_changes_nothing(client, focal_cl):
    login(client, focal_cl)
    edit_br = reverse("directory:institution_edit", kwargs={"slug": ministry_slug("BR")})
    before = _contact(ministry_slug("BR"))
    response = client.post(edit_br, NEW_CONTACT)
    assert response.status_code == 403
    assert "permission" in response.content.decode().lower()
    assert _contact(ministry_slug("BR")) == before
