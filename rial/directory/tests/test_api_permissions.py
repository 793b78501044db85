"""The same rule through the API: token-authenticated PATCH of an institution's contact details."""

import json

import pytest

from rial.accounts.models import ApiToken
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db

CL = ministry_slug("CL")
URL = f"/api/v1/institutions/{CL}"


def _token(user) -> str:
    # Created as after a verified login (the Secretariat's tokens need that, see test_api_tokens.py).
    _token_row, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return raw


def _patch(client, data: dict, token: str | None = None, url: str = URL):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.patch(url, data=json.dumps(data), content_type="application/json", headers=headers)


def _email(slug: str = CL) -> str:
    return Institution.objects.get(slug=slug).email


def test_reads_are_public(client):
    response = client.get("/api/v1/institutions", {"country": "cl", "kind": "ministry"})
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["items"]] == [CL]


def test_a_write_without_a_token_is_refused(client):
    before = _email()
    assert _patch(client, {"email": "x@example.org"}).status_code == 401
    assert _patch(client, {"email": "x@example.org"}, token="rial_not-a-real-token").status_code == 401
    assert _email() == before


@pytest.mark.parametrize("persona", ["member_co", "focal_br", "cosate_rep", "ilo_rep"])
def test_other_roles_are_refused_through_the_api_and_nothing_changes(client, request, persona):
    before = _email()
    response = _patch(client, {"email": "takeover@example.org"}, _token(request.getfixturevalue(persona)))
    assert response.status_code == 403
    assert response.json()["detail"] == "You do not have permission to do this."
    assert _email() == before


@pytest.mark.parametrize("persona", ["focal_cl", "secretariat"])
def test_chiles_focal_point_and_the_secretariat_write_through_the_api(client, request, persona):
    response = _patch(client, {"email": "api@example.cl"}, _token(request.getfixturevalue(persona)))
    assert response.status_code == 200
    assert response.json()["email"] == "api@example.cl"
    assert _email() == "api@example.cl"


def test_a_revoked_token_is_refused(client, focal_cl):
    token = _token(focal_cl)
    ApiToken.objects.filter(user=focal_cl).update(revoked_at="2026-01-01T00:00Z")
    assert _patch(client, {"email": "api@example.cl"}, token).status_code == 401


def test_a_malformed_email_is_refused_with_a_message_and_nothing_changes(client, focal_cl):
    before = _email()
    response = _patch(client, {"email": "not an email", "phone": "+56 1"}, _token(focal_cl))
    assert response.status_code == 422
    assert "email" in response.json()["errors"]
    assert _email() == before
    assert Institution.objects.get(slug=CL).phone != "+56 1"


def test_an_over_long_field_is_refused_and_nothing_changes(client, focal_cl):
    before = Institution.objects.get(slug=CL).phone
    response = _patch(client, {"phone": "9" * 41}, _token(focal_cl))
    assert response.status_code == 422
    assert Institution.objects.get(slug=CL).phone == before


def test_a_script_address_as_website_is_refused_through_the_api(client, focal_cl):
    response = _patch(client, {"website": "javascript:alert(1)"}, _token(focal_cl))
    assert response.status_code == 422
    assert "website" in response.json()["errors"]
    assert not Institution.objects.get(slug=CL).website.startswith("javascript")


def test_a_body_that_is_not_json_is_refused(client, focal_cl):
    response = client.patch(URL, data="email=x", content_type="application/json",
                            headers={"Authorization": f"Bearer {_token(focal_cl)}"})
    assert response.status_code in (400, 422)
    assert _email() != "x"


def test_a_focal_point_reaching_another_ministry_through_the_api_changes_nothing(client, focal_cl):
    br = ministry_slug("BR")
    before = _email(br)
    response = _patch(client, {"email": "cl-writes-br@example.org"}, _token(focal_cl), url=f"/api/v1/institutions/{br}")
    assert response.status_code == 403
    assert _email(br) == before
