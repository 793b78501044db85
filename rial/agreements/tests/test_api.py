import datetime

import pytest

from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db


def test_the_list_filters_like_the_page(client):
    data = client.get("/api/v1/agreements", {"country": "co"}).json()
    assert {item["slug"] for item in data["items"]} == {"ibero-american-multilateral", "andean-decision-583", "es-co"}
    data = client.get("/api/v1/agreements", {"kind": "multilateral", "status": "in_force",
                                             "branch": "occupational_injury"}).json()
    assert {item["slug"] for item in data["items"]} == {"ibero-american-multilateral", "caricom"}


def test_one_agreement_has_its_parties_with_their_dates(client):
    data = client.get("/api/v1/agreements/ibero-american-multilateral").json()
    colombia = next(p for p in data["parties"] if p["country"] == "CO")
    assert colombia["effective"] == "2023-08-01"
    assert data["branches"] == ["old_age", "invalidity", "survivors", "occupational_injury"]
    mercosur = client.get("/api/v1/agreements/mercosur").json()
    assert (mercosur["in_force"], mercosur["in_force_certain"]) == ("2005-06-01", False)


@pytest.mark.parametrize("params", [{"branch": "pets"}, {"kind": "trilateral"}, {"country": "ZZ"}])
def test_unknown_filter_values_are_refused(client, params):
    response = client.get("/api/v1/agreements", params)
    assert response.status_code == 422
    assert "not valid" in response.json()["detail"]


def test_archived_agreements_are_not_in_the_public_api(client):
    agreement = AgreementFactory(archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    party(agreement, "GT")
    assert client.get(f"/api/v1/agreements/{agreement.slug}").status_code == 404


def test_the_api_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for index in range(10):
        agreement = AgreementFactory(in_force=datetime.date(2001, 1, 1 + index))
        party(agreement, "GT")
        party(agreement, "HN")
    with django_assert_max_num_queries(4):
        client.get("/api/v1/agreements")


def test_the_openapi_document_lists_the_agreement_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/agreements", "/api/v1/agreements/coverage", "/api/v1/agreements/{slug}"} <= set(paths)
