import pytest
from django.urls import reverse

from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db
URL = reverse("portfolio:list")


def _names(response) -> set[str]:
    return {program.name for program in response.context["page"]}


def test_it_lists_only_published_programs(client):
    ProgramFactory(name_en="Visible")
    ProgramFactory(name_en="A draft", status=Program.Status.DRAFT)
    ProgramFactory(name_en="Archived", archived_at="2024-01-01T00:00Z")
    assert _names(client.get(URL)) == {"Visible"}


def test_it_filters_by_country_topic_population_and_text(client):
    ProgramFactory(name_en="Chile youth", topics=["youth-employment"], populations=["youth"])
    ProgramFactory(name_en="Brazil inspection", ministry=ministry("BR"), topics=["labor-inspection"],
                   populations=["labor-officials"])
    assert _names(client.get(URL, {"country": "BR"})) == {"Brazil inspection"}
    assert _names(client.get(URL, {"topic": "youth-employment"})) == {"Chile youth"}
    # An area finds the programs of its subtopics.
    assert _names(client.get(URL, {"topic": "labor"})) == {"Brazil inspection"}
    assert _names(client.get(URL, {"population": "youth"})) == {"Chile youth"}
    assert _names(client.get(URL, {"q": "inspection"})) == {"Brazil inspection"}


def test_text_search_finds_a_spanish_translation(client):
    ProgramFactory(name_en="Labor inspection", name_es="Inspección del trabajo")
    assert _names(client.get(URL, {"q": "Inspección"})) == {"Labor inspection"}


@pytest.mark.parametrize("params", [
    {"country": "ZZ"}, {"topic": "no-such-topic"}, {"population": "<script>"}, {"q": "x" * 10_000},
    {"q": "'; DROP TABLE portfolio_program; --"}, {"page": "-1"}, {"page": "abc"},
])
def test_bad_filter_values_give_a_page_not_an_error(client, params):
    ProgramFactory(name_en="Still here")
    response = client.get(URL, params)
    assert response.status_code == 200


def test_an_unknown_country_is_ignored_but_a_good_topic_still_filters(client):
    ProgramFactory(name_en="Chile youth", topics=["youth-employment"])
    ProgramFactory(name_en="Other")
    assert _names(client.get(URL, {"country": "ZZ", "topic": "youth-employment"})) == {"Chile youth"}


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for index in range(3):
        ProgramFactory(topics=["youth-employment", "labor-inspection"], populations=["youth"],
                       ministry=ministry(["CL", "BR", "CO"][index]))
    with django_assert_max_num_queries(12) as few:
        client.get(URL, {"topic": "employment"})
    for index in range(30):
        ProgramFactory(topics=["youth-employment", "labor-inspection"], populations=["youth", "women"],
                       ministry=ministry(["CL", "BR", "CO", "AR", "MX"][index % 5]))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"topic": "employment"})
    assert response.context["page"].paginator.count == 33


def test_the_list_is_translated_in_spanish(client):
    ProgramFactory(name_en="Labor inspection", name_es="Inspección del trabajo")
    response = client.get("/es/programs/")
    assert "Inspección del trabajo" in response.content.decode()
    assert "Portafolio de Programas" in response.content.decode()
