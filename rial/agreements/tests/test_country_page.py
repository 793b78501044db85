"""The page of a country's agreements, linked from the country page's section."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_lists_every_agreement_of_the_country_with_its_start_and_source(client):
    response = client.get(reverse("agreements:country", args=["jm"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Social security agreements of Jamaica" in page
    assert "Canada – Jamaica" in page and "CARICOM Agreement on Social Security" in page
    assert "Jan. 1, 1984" in page
    assert "canada.ca" in page


def test_unconfirmed_dates_are_marked(client):
    page = client.get(reverse("agreements:country", args=["AR"])).content.decode()
    assert "Spain – Argentina" in page and "unconfirmed" in page


def test_an_unknown_country_is_not_found(client):
    assert client.get(reverse("agreements:country", args=["XX"])).status_code == 404


def test_the_country_section_links_to_the_page(client):
    page = client.get(reverse("directory:country", args=["jm"])).content.decode()
    assert reverse("agreements:country", args=["JM"]) in page


def test_the_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5) as captured:
        client.get(reverse("agreements:country", args=["CA"]))
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(reverse("agreements:country", args=["JM"]))
