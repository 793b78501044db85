"""A forged or missing CSRF token is refused with a clear page, and nothing changes."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import login
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db

EDIT_CL = reverse("directory:institution_edit", kwargs={"slug": ministry_slug("CL")})
DATA = {"website": "", "email": "forged@example.org", "phone": "", "address": ""}


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_a_post_without_a_csrf_token_is_refused_and_nothing_changes(strict_client, focal_cl):
    login(strict_client, focal_cl)
    response = strict_client.post(EDIT_CL, DATA)
    assert response.status_code == 403
    assert "The security check of the form failed, so nothing was changed." in response.content.decode()
    assert Institution.objects.get(slug=ministry_slug("CL")).email != "forged@example.org"


def test_a_forged_csrf_token_is_refused_and_nothing_changes(strict_client, focal_cl):
    login(strict_client, focal_cl)
    strict_client.get(EDIT_CL)  # sets the real cookie
    response = strict_client.post(EDIT_CL, {**DATA, "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert Institution.objects.get(slug=ministry_slug("CL")).email != "forged@example.org"


def test_the_real_csrf_token_is_accepted(strict_client, focal_cl):
    login(strict_client, focal_cl)
    strict_client.get(EDIT_CL)
    token = strict_client.cookies["csrftoken"].value
    response = strict_client.post(EDIT_CL, {**DATA, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Institution.objects.get(slug=ministry_slug("CL")).email == "forged@example.org"


def test_a_login_without_a_csrf_token_is_refused(strict_client, focal_cl):
    response = strict_client.post(reverse("accounts:login"), {"username": "focal-cl", "password": "a-good-test-password"})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict_client.session
