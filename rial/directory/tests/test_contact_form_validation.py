"""Over-long or malformed contact fields: a clear message next to the field, and nothing saved."""

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db

CL = ministry_slug("CL")
EDIT_CL = reverse("directory:institution_edit", kwargs={"slug": CL})
GOOD = {"website": "https://www.mintrab.gob.cl", "email": "contacto@example.cl", "phone": "+56 2 2753 0400",
        "address": "Huérfanos 1273, Santiago"}


def _saved() -> dict:
    return Institution.objects.filter(slug=CL).values("website", "email", "phone", "address").get()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "not an email", "Enter a valid email address."),
    ("email", "a@" + "b" * 250 + ".cl", "Ensure this value has at most 254 characters"),
    ("website", "javascript:alert(1)", "Enter a valid URL."),
    ("website", "https://" + "a" * 300 + ".cl", "Ensure this value has at most 300 characters"),
    ("phone", "9" * 41, "Ensure this value has at most 40 characters"),
    ("address", "x" * 501, "Ensure this value has at most 500 characters"),
])
def test_a_bad_field_is_explained_and_nothing_is_saved(client, focal_cl, field, value, message):
    login(client, focal_cl)
    before = _saved()
    response = client.post(EDIT_CL, {**GOOD, field: value})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Nothing was saved") == 1 and "Nothing was saved. Please correct:" in page
    assert message in page
    # the message is tied to its field for screen readers
    assert f'aria-describedby="id_{field}_error"' in page and f'id="id_{field}_error"' in page
    # the other, valid fields were not saved either
    assert _saved() == before


def test_the_form_keeps_what_the_person_typed_after_an_error(client, focal_cl):
    login(client, focal_cl)
    response = client.post(EDIT_CL, {**GOOD, "email": "not an email"})
    assert 'value="+56 2 2753 0400"' in response.content.decode()


def test_a_post_for_an_unknown_or_archived_institution_is_a_404(client, secretariat):
    login(client, secretariat)
    assert client.post(reverse("directory:institution_edit", kwargs={"slug": "nope"}), GOOD).status_code == 404
    ministry = Institution.objects.get(slug=CL)
    ministry.archive()
    ministry.save()
    assert client.post(EDIT_CL, GOOD).status_code == 404
