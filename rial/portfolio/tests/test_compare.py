import pytest
from django.urls import reverse

from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
URL = reverse("portfolio:compare")


def test_it_shows_programs_side_by_side_in_the_order_chosen(client):
    first = ProgramFactory(name_en="First", objectives_en="Reduce informality", populations=["women"])
    second = ProgramFactory(name_en="Second", results_en="3,000 workers registered")
    response = client.get(URL, {"id": [second.pk, first.pk]})
    assert [p.name for p in response.context["programs"]] == ["Second", "First"]
    page = response.content.decode()
    assert "Reduce informality" in page and "3,000 workers registered" in page and "Women" in page


def test_more_than_four_are_cut_to_four_with_a_message(client):
    programs = [ProgramFactory() for _ in range(6)]
    response = client.get(URL, {"id": [p.pk for p in programs]})
    assert len(response.context["programs"]) == 4
    assert "Up to four programs" in response.content.decode()


def test_unpublished_programs_are_not_compared(client):
    draft = ProgramFactory(status=Program.Status.DRAFT, name_en="Secret draft")
    published = ProgramFactory()
    response = client.get(URL, {"id": [draft.pk, published.pk]})
    assert "Secret draft" not in response.content.decode()
    assert "Secret draft" not in client.get(URL, {"id": [draft.pk]}).content.decode()


def test_nonsense_ids_give_an_empty_comparison(client):
    assert client.get(URL, {"id": ["abc", "-1", "1e9"]}).status_code == 200


def test_the_comparison_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    programs = [ProgramFactory(topics=["employment"], populations=["youth"]) for _ in range(4)]
    with django_assert_max_num_queries(8):
        client.get(URL, {"id": [p.pk for p in programs]})
