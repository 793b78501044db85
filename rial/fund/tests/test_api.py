"""/api/v1/fund/: public summary; ledger and writes for the Secretariat only."""

import json

import pytest

from conftest import login
from rial.accounts.models import ApiToken
from rial.fund.models import Entry
from rial.fund.tests.factories import contribution

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    # as if created on the profile page after the second-factor check (required of Secretariat tokens)
    _token, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_summary_is_public_and_matches_the_2016_report(client):
    response = client.get("/api/v1/fund/summary")
    assert response.status_code == 200
    data = response.json()
    assert (data["received"], data["spent"], data["balance"]) == ("649734.00", "587955.00", "61779.00")
    assert data["co_financing"] == "152000.00"
    assert data["spending_by_year"] == {"2011–2015": "587955.00"}
    assert len(data["contributing_countries"]) == 23 and "TT" in data["contributing_countries"]


def test_the_ledger_needs_the_secretariat(client, focal_cl):
    assert client.get("/api/v1/fund/ledger").status_code == 401
    assert client.get("/api/v1/fund/ledger", **_bearer(focal_cl)).status_code == 403
    login(client, focal_cl)
    assert client.get("/api/v1/fund/ledger").status_code == 403


def test_the_secretariat_reads_the_ledger_with_a_token(client, secretariat, django_assert_max_num_queries):
    entry = contribution(secretariat, "12.34")
    headers = _bearer(secretariat)
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/fund/ledger?kind=contribution&currency=USD", **headers)
    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["id"] == entry.pk and items[0]["amount"] == "12.34"
    assert items[0]["iati_transaction_type"] == "1" and items[0]["country"] == "CL"
    assert {item["period"] for item in items} >= {"2026", "until February 2016"}


def test_the_secretariat_reads_the_ledger_in_a_verified_session(secretariat_client):
    response = secretariat_client.get("/api/v1/fund/ledger?category=bilateral")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["amount"] == "176412.00" and item["source"].startswith("RIAL financial report")


def test_an_unknown_ledger_filter_value_is_refused(secretariat_client):
    assert secretariat_client.get("/api/v1/fund/ledger?currency=XYZ").status_code == 422


def test_the_secretariat_records_a_contribution_and_an_expense(client, secretariat):
    headers = _bearer(secretariat)
    response = client.post("/api/v1/fund/contributions", json.dumps({
        "contributor": "ministry-br", "amount": "5000.00", "currency": "BRL", "usd_value": "1000.00",
        "date": "2026-03-01"}), content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    assert response.json()["country"] == "BR"
    response = client.post("/api/v1/fund/expenses", json.dumps({
        "amount": "4999.99", "currency": "BRL", "usd_value": "999.99", "date": "2026-03-02",
        "category": "per_diem", "description": "Per diem, visit to Brasília"}), content_type="application/json",
        **headers)
    assert response.status_code == 201, response.content


def test_a_focal_point_cannot_write(client, focal_cl):
    count = Entry.objects.count()
    response = client.post("/api/v1/fund/contributions", json.dumps({
        "contributor": "ministry-cl", "amount": "5", "currency": "USD", "date": "2026-03-01"}),
        content_type="application/json", **_bearer(focal_cl))
    assert response.status_code == 403
    assert Entry.objects.count() == count
