"""Every API answer is JSON, errors included, and the OpenAPI document declares them.

Huge integers (beyond a 64-bit database integer) in ?offset= or in a filter used to reach the database and
come back as a 500 — an HTML page with production settings.
"""

import logging

import pytest

from rial.api import api

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"
SCHEMA = api.get_openapi_schema()


def _list_operations():
    for path, operations in SCHEMA["paths"].items():
        operation = operations.get("get")
        if operation and "{" not in path and not operation.get("security"):
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            if "offset" in names:
                yield path, operation


def _integer_parameters(operation):
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        kinds = [schema.get("type")] + [option.get("type") for option in schema.get("anyOf", [])]
        if parameter["in"] == "query" and "integer" in kinds:
            yield parameter["name"]


LISTS = sorted(_list_operations())


def test_the_public_lists_are_all_covered():
    assert len(LISTS) >= 9


@pytest.mark.parametrize(("path", "operation"), LISTS, ids=[path for path, _op in LISTS])
def test_a_huge_offset_is_refused_with_a_json_422(client, path, operation):
    response = client.get(path, {"offset": HUGE})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert "offset" in response.content.decode()


@pytest.mark.parametrize(("path", "operation"), LISTS, ids=[path for path, _op in LISTS])
def test_huge_integers_in_filters_never_cause_a_server_error(client, path, operation):
    for name in _integer_parameters(operation):
        response = client.get(path, {name: HUGE})
        assert response.status_code in {200, 422}, (name, response.status_code)
        assert response["Content-Type"].startswith("application/json")


def test_huge_ids_in_addresses_are_a_json_404(client):
    for path, operations in SCHEMA["paths"].items():
        if "{" in path and "get" in operations and not operations["get"].get("security"):
            address = path.split("{")[0] + HUGE + path.split("}", 1)[1]
            if "{" in address:
                continue
            response = client.get(address)
            assert response.status_code in {404, 422}, (address, response.status_code)
            assert response["Content-Type"].startswith("application/json")


def test_a_fault_in_production_answers_json_and_is_logged(client, settings, monkeypatch, caplog):
    settings.DEBUG = False

    def broken(*args, **kwargs):
        raise RuntimeError("the search index is unreadable")

    monkeypatch.setattr("rial.portfolio.api.public_programs", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/api/v1/programs")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "logged" in response.json()["detail"]
    records = [record for record in caplog.records if record.name == "django.request"]
    assert len(records) == 1
    assert records[0].exc_info[0] is RuntimeError


def test_the_openapi_document_declares_the_error_answers():
    for path, operations in SCHEMA["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"422", "500"} <= set(responses), (method, path)
            if "{" in path:
                assert "404" in responses, (method, path)
            if operation.get("security"):
                assert {"401", "403"} <= set(responses), (method, path)
    assert "Error" in SCHEMA["components"]["schemas"]


def test_times_of_day_are_declared_as_they_are_returned():
    meeting = SCHEMA["components"]["schemas"]["MeetingOut"]["properties"]["start_time"]
    declared = [option for option in meeting.get("anyOf", [meeting]) if option.get("type") == "string"][0]
    assert declared.get("format") != "time"  # RFC 3339 time needs an offset; "09:00:00" has none
    assert declared["pattern"].startswith("^")
    assert "'format': 'time'" not in str(SCHEMA)


# Found by the fuzzer (test_api_fuzz.py): an address the API's routes do not match (`/api/v1/programs/null`)
# fell through to the site's HTML 404 page, an unknown method met the CSRF check's HTML 403 page, an
# undeclared one a plain-text 405, and an unreadable body answered a 400 the document did not declare.
@pytest.mark.parametrize("address", ["/api/v1/programs/null,null", "/api/v1/documents/abc", "/api/v1/no-such-list",
                                     "/api/v2/programs"])
def test_an_address_no_operation_answers_is_a_json_404(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_an_unreadable_body_is_a_declared_400(client, secretariat):
    from rial.accounts.models import ApiToken

    _token, raw = ApiToken.issue(user=secretariat, label="errors", second_factor_verified=True)
    response = client.post("/api/v1/fund/expenses", data=b"\x07c\xff", content_type="application/json",
                           headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "400" in SCHEMA["paths"]["/api/v1/fund/expenses"]["post"]["responses"]


@pytest.mark.parametrize("method", ["QUERY", "TRACE", "DELETE", "PUT"])
def test_a_method_an_address_does_not_offer_is_a_json_405(method):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).generic(method, "/api/v1/programs/1")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert response["Allow"] == "GET"  # RFC 9110: a 405 names the methods the address accepts
