"""The API answers refusals in the language of the Accept-Language header, English without it."""

import json

import pytest

from rial.accounts.models import ApiToken
from rial.directory.demo import ministry_slug

pytestmark = pytest.mark.django_db

URL = f"/api/v1/institutions/{ministry_slug('CL')}"


def _patch(client, token: str | None = None, **headers):
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return client.patch(URL, data=json.dumps({"email": "x@example.org"}), content_type="application/json",
                        headers=headers)


def test_a_refused_write_is_explained_in_spanish_when_the_client_asks_for_it(client, focal_br):
    _row, raw = ApiToken.issue(user=focal_br, label="test")
    spanish = _patch(client, raw, **{"Accept-Language": "es"})
    assert spanish.status_code == 403
    assert spanish.json() == {"detail": "No tiene permiso para hacer esto."}
    assert spanish["Content-Language"] == "es" and "Accept-Language" in spanish["Vary"]
    english = _patch(client, raw)
    assert english.status_code == 403
    assert english.json() == {"detail": "You do not have permission to do this."}


def test_a_write_without_a_token_is_explained_in_the_clients_language(client):
    assert _patch(client).json()["detail"].startswith("This needs an API token")
    assert _patch(client, **{"Accept-Language": "es-CL,es;q=0.9"}).json()["detail"].startswith(
        "Esto requiere un token de la API")


def test_a_missing_record_is_explained_in_the_clients_language(client):
    assert client.get("/api/v1/institutions/nowhere").json() == {"detail": "Nothing was found at this address."}
    spanish = client.get("/api/v1/institutions/nowhere", headers={"Accept-Language": "es"})
    assert spanish.status_code == 404
    assert spanish.json() == {"detail": "No se encontró nada en esta dirección."}


def test_an_unsupported_language_falls_back_to_english(client, focal_br):
    _row, raw = ApiToken.issue(user=focal_br, label="test")
    assert _patch(client, raw, **{"Accept-Language": "de"}).json()["detail"] == "You do not have permission to do this."


def test_an_invalid_question_is_explained_in_spanish_with_spanish_field_errors(client):
    response = client.get("/api/v1/agreements/coverage", {"a": "ZZ", "b": "US"}, headers={"Accept-Language": "es"})
    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "La consulta no es válida."
    assert "Código de país desconocido" in " ".join(data["errors"]["a"])


def test_django_ninjas_own_validation_errors_stay_in_english(client):
    # pydantic writes these (a parameter of the wrong type); documented in docs/architecture.md.
    response = client.get("/api/v1/institutions", {"limit": "many"}, headers={"Accept-Language": "es"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("Input should be")
