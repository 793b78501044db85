import datetime

import pytest
from django.urls import reverse

from rial.portfolio.models import Collection, Program
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db


@pytest.fixture
def covid():
    return Collection.objects.get(slug="covid-19")


def test_the_covid_collection_is_reference_data(covid):
    assert covid.name_es == "Portafolio de Respuestas al COVID-19"


def test_its_page_lists_measures_by_country_with_source_and_date(client, covid):
    ProgramFactory(name_en="Wage subsidy", collection=covid, source_url="https://gob.example/subsidy",
                   updated_as_of=datetime.date(2020, 7, 15))
    ProgramFactory(name_en="Telework rules", collection=covid, ministry=ministry("BR"))
    ProgramFactory(name_en="Draft measure", collection=covid, status=Program.Status.DRAFT)
    ProgramFactory(name_en="Ordinary program")
    response = client.get(reverse("portfolio:collection", args=["covid-19"]))
    page = response.content.decode()
    assert "Wage subsidy" in page and "Telework rules" in page
    assert "https://gob.example/subsidy" in page and "July 15, 2020" in page
    assert "Draft measure" not in page and "Ordinary program" not in page
    assert page.index("Brazil") < page.index("Chile")


def test_measures_do_not_crowd_the_portfolio_list(client, covid):
    ProgramFactory(name_en="Wage subsidy", collection=covid)
    ProgramFactory(name_en="Ordinary program")
    names = {program.name for program in client.get(reverse("portfolio:list")).context["page"]}
    assert names == {"Ordinary program"}


def test_the_collection_page_filters_by_country(client, covid):
    ProgramFactory(name_en="Wage subsidy", collection=covid)
    ProgramFactory(name_en="Telework rules", collection=covid, ministry=ministry("BR"))
    page = client.get(reverse("portfolio:collection", args=["covid-19"]), {"country": "BR"}).content.decode()
    assert "Telework rules" in page and "Wage subsidy" not in page


def test_the_collection_page_runs_a_constant_number_of_queries(client, covid, django_assert_max_num_queries):
    for iso2 in ("CL", "BR"):
        ProgramFactory(collection=covid, ministry=ministry(iso2), topics=["employment"])
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("portfolio:collection", args=["covid-19"]))
    for iso2 in ("AR", "MX", "CO", "PE", "UY") * 4:
        ProgramFactory(collection=covid, ministry=ministry(iso2), topics=["employment"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("portfolio:collection", args=["covid-19"]))


def test_an_unknown_collection_is_a_404(client):
    assert client.get(reverse("portfolio:collection", args=["nope"])).status_code == 404
