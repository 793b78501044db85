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
    assert "No agreement found between Mexico and United States" in page
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
