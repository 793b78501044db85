import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_page_answers_yes_with_the_agreements_and_their_uncertainty(client):
    response = client.get(reverse("agreements:coverage"), {"a": "BR", "b": "UY", "on": "2024-01-01"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Yes: Brazil and Uruguay are covered" in page
    assert "Ibero-American Multilateral Agreement on Social Security" in page
    assert "MERCOSUR Multilateral Agreement on Social Security" in page
    assert "unconfirmed" in page


def test_the_page_answers_no_with_the_nearest_alternatives(client):
    response = client.get(reverse("agreements:coverage"), {"a": "MX", "b": "US", "on": "2024-01-01"})
    page = response.content.decode()
    assert "No agreement in force in our records between Mexico and United States" in page
    assert "The nearest alternatives" in page
    assert "Signed, not in force." in page


def test_the_empty_page_shows_the_two_pickers_and_the_date(client):
    page = client.get(reverse("agreements:coverage")).content.decode()
    assert 'name="a"' in page and 'name="b"' in page and 'type="date"' in page
    assert '<option value="ES">Spain</option>' in page


@pytest.mark.parametrize(("params", "message"), [
    ({"a": "ZZ", "b": "US"}, "Unknown country code “ZZ”"),
    ({"a": "US", "b": "US"}, "Choose two different countries."),
    ({"a": "CL", "b": "US", "on": "2024-02-30"}, "Write the date as YYYY-MM-DD"),
])
def test_bad_input_is_a_form_error(client, params, message):
    response = client.get(reverse("agreements:coverage"), params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["result"] is None


def test_the_page_in_spanish_uses_spanish_country_names(client):
    response = client.get("/es/agreements/coverage/", {"a": "CL", "b": "US", "on": "2024-01-01"})
    assert "Chile" in response.content.decode() and "Estados Unidos" in response.content.decode()


def test_a_no_says_what_the_records_know_when_they_were_reviewed_and_how_to_report_a_gap(client):
    response = client.get(reverse("agreements:coverage"), {"a": "HT", "b": "SR", "on": "2024-01-01"})
    page = response.content.decode()
    assert "No agreement in force in our records between Haiti and Suriname" in page
    assert "Our records were last reviewed on Dec. 6, 2026" in page
    assert reverse("directory:institution", kwargs={"slug": "oas-technical-secretariat"}) in page


def test_a_focal_point_is_offered_the_proposal_form(client, focal_cl):
    from conftest import login

    login(client, focal_cl)
    page = client.get(reverse("agreements:coverage"), {"a": "CL", "b": "HT"}).content.decode()
    assert reverse("agreements:proposal_new") in page
