"""The links into the coverage lookup work: a country page's link opens the form with that country chosen,
and the JSON link is offered only with an answer (without a question the API has nothing to answer)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_country_page_link_opens_the_form_with_the_country_chosen(client):
    country_page = client.get(reverse("directory:country", args=["cl"])).content.decode()
    assert f'{reverse("agreements:coverage")}?a=CL' in country_page
    response = client.get(reverse("agreements:coverage"), {"a": "CL"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<option value="CL" selected>' in page
    assert "Choose the second country." not in page


def test_sending_the_form_without_the_second_country_is_an_error(client):
    response = client.get(reverse("agreements:coverage"), {"a": "CL", "b": ""})
    assert response.status_code == 400
    assert "Choose the second country." in response.content.decode()


def test_the_json_link_appears_only_with_an_answer(client):
    api = reverse("api-1:agreements_coverage")
    assert api not in client.get(reverse("agreements:coverage")).content.decode()
    answered = client.get(reverse("agreements:coverage"), {"a": "BR", "b": "UY", "on": "2024-01-01"}).content.decode()
    assert f"{api}?a=BR&amp;b=UY&amp;on=2024-01-01" in answered
    assert client.get(f"{api}?a=BR&b=UY&on=2024-01-01").status_code == 200
