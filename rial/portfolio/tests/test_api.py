import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from rial.portfolio.models import Collection, Program
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db
URL = "/api/v1/programs"
FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "program.json").read_text())


def _names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["items"]}


def test_a_program_looks_like_the_fixture(client):
    program = ProgramFactory(name_en="Youth apprenticeship bridge", summary_en="Apprenticeships for youth.",
                             topics=["youth-employment"], populations=["youth"], budget=Decimal("150000"),
                             budget_currency="USD", languages=["es", "en"])
    item = client.get(URL).json()["items"][0]
    assert item.pop("id") == program.pk
    assert item.pop("url") == f"/programs/{program.pk}/"
    assert item.pop("last_reviewed") == timezone.localdate().isoformat()
    assert item == FIXTURE
    assert client.get(f"{URL}/{program.pk}").json()["name"] == "Youth apprenticeship bridge"


def test_it_filters_by_country_topic_population_and_text(client):
    ProgramFactory(name_en="Chile youth", topics=["youth-employment"], populations=["youth"])
    ProgramFactory(name_en="Brazil inspection", ministry=ministry("BR"), topics=["labor-inspection"],
                   name_es="Inspección en Brasil")
    assert _names(client.get(URL, {"country": "br"})) == {"Brazil inspection"}
    assert _names(client.get(URL, {"topic": "employment"})) == {"Chile youth"}
    assert _names(client.get(URL, {"population": "youth"})) == {"Chile youth"}
    assert _names(client.get(URL, {"q": "inspección"})) == {"Brazil inspection"}


def test_the_covid_collection_is_a_filter(client):
    ProgramFactory(name_en="Wage subsidy", collection=Collection.objects.get(slug="covid-19"))
    ProgramFactory(name_en="Ordinary")
    assert _names(client.get(URL, {"collection": "covid-19"})) == {"Wage subsidy"}
    assert _names(client.get(URL)) == {"Ordinary"}


@pytest.mark.parametrize("params", [{"country": "ZZ"}, {"topic": "astrology"}, {"population": "martians"},
                                    {"collection": "nope"}])
def test_an_unknown_filter_value_gives_an_empty_list(client, params):
    ProgramFactory()
    assert _names(client.get(URL, params)) == set()


@pytest.mark.parametrize("params", [{"country": "CHL"}, {"q": "x" * 201}, {"limit": "-4"}])
def test_an_invalid_filter_value_gets_a_clear_422(client, params):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_unpublished_programs_are_not_in_the_api(client, focal_cl):
    draft = ProgramFactory(status=Program.Status.DRAFT)
    client.force_login(focal_cl)  # even the owner: the API is the public, published portfolio
    assert client.get(URL).json()["count"] == 0
    assert client.get(f"{URL}/{draft.pk}").status_code == 404


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    ProgramFactory(topics=["employment"], populations=["youth"])
    with django_assert_max_num_queries(8) as few:
        client.get(URL)
    for _ in range(20):
        ProgramFactory(topics=["employment", "wages"], populations=["youth", "women"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(URL).json()["count"] == 21
