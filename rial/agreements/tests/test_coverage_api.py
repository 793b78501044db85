import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/agreements/coverage"


def test_it_answers_the_issue_example(client):
    response = client.get(URL, {"a": "CL", "b": "US", "on": "2024-01-01"})
    assert response.status_code == 200
    data = response.json()
    assert {key: data[key] for key in ("a", "b", "on", "covered", "alternatives")} == {
        "a": "CL", "b": "US", "on": "2024-01-01", "covered": True, "alternatives": []}
    [agreement] = data["agreements"]
    assert {key: agreement[key] for key in ("title", "kind", "since", "branches", "totalization", "certain")} == {
        "title": "United States – Chile", "kind": "bilateral", "since": "2001-12-01",
        "branches": ["old_age", "invalidity", "survivors"], "totalization": True, "certain": True}
    assert agreement["source"].startswith("SSA POMS GN 01701.005")


def test_a_no_carries_the_day_the_records_were_reviewed_and_where_to_report_a_gap(client):
    data = client.get(URL, {"a": "HT", "b": "SR", "on": "2024-01-01"}).json()
    assert data["covered"] is False
    assert data["records_reviewed"] == "2026-12-06"
    assert data["report_missing"].endswith("/agreements/proposals/new/")


def test_it_accepts_lower_case_codes(client):
    assert client.get(URL, {"a": "cl", "b": "us", "on": "2024-01-01"}).json()["covered"] is True


def test_colombia_peru_shows_the_andean_instrument_as_an_uncertain_alternative(client):
    data = client.get(URL, {"a": "CO", "b": "PE", "on": "2024-01-01"}).json()
    assert data["agreements"][0]["since"] == "2023-08-01"
    [andean] = data["alternatives"]
    assert andean["slug"] == "andean-decision-583"
    assert andean["certain"] is False and andean["reason"]


def test_an_unknown_country_code_is_refused_with_a_clear_message(client):
    response = client.get(URL, {"a": "ZZ", "b": "US", "on": "2024-01-01"})
    assert response.status_code == 422
    assert "Unknown country code “ZZ”" in response.json()["errors"]["a"][0]


def test_the_same_country_twice_is_refused(client):
    response = client.get(URL, {"a": "CL", "b": "CL"})
    assert response.status_code == 422
    assert response.json()["errors"]["b"] == ["Choose two different countries."]


@pytest.mark.parametrize("date", ["2024-13-01", "01/01/2024", "yesterday"])
def test_a_malformed_date_is_refused(client, date):
    response = client.get(URL, {"a": "CL", "b": "US", "on": date})
    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.json()["errors"]["on"][0]


def test_a_missing_country_is_refused(client):
    response = client.get(URL, {"a": "CL"})
    assert response.status_code == 422
    assert "b" in response.json()["errors"]
