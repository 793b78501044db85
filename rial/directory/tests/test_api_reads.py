"""The directory's open data API: filters, pagination, the OpenAPI document and its local docs page."""

import pytest

from rial.directory.demo import ministry_slug

pytestmark = pytest.mark.django_db


def test_countries_can_be_filtered_by_kind(client):
    members = client.get("/api/v1/countries", {"kind": "member_state"}).json()
    assert len(members) == 35
    chile = next(country for country in members if country["iso2"] == "CL")
    assert chile["oas_status"] == "active" and chile["source"] and chile["verified"] in (True, False)
    assert all(country["kind"] != "member_state" for country in client.get("/api/v1/countries?kind=territory").json())


def test_an_unknown_filter_value_is_refused_with_a_message(client):
    response = client.get("/api/v1/countries", {"kind": "planet"})
    assert response.status_code == 422
    assert client.get("/api/v1/institutions", {"country": "CHL"}).status_code == 422


def test_institutions_filter_by_country_and_kind_and_are_paginated(client):
    partners = client.get("/api/v1/institutions", {"kind": "partner"}).json()
    assert partners["count"] >= 10
    assert {"ilo", "iadb"} & {item["slug"] for item in partners["items"]}
    page = client.get("/api/v1/institutions", {"limit": 5}).json()
    assert len(page["items"]) == 5 and page["count"] > 5


def test_one_institution_and_an_unknown_one(client):
    assert client.get(f"/api/v1/institutions/{ministry_slug('BR')}").json()["country"] == "BR"
    assert client.get("/api/v1/institutions/no-such-thing").status_code == 404


def test_the_institution_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/api/v1/institutions", {"limit": 100})


def test_the_openapi_document_and_docs_page_make_no_external_request(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/institutions/{slug}" in schema["paths"]
    assert "patch" in schema["paths"]["/api/v1/institutions/{slug}"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "swagger" in docs.lower()
    assert 'src="http' not in docs and 'href="http' not in docs
