import datetime

import pytest
from django.urls import reverse

from rial.agreements.matrix import TILES
from rial.agreements.models import Agreement
from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db
URL = reverse("agreements:matrix")


def cell(response, a, b):
    rows = {row.iso2: cells for row, cells in response.context["rows"]}
    columns = [country.iso2 for country in response.context["countries"]]
    return rows[a][columns.index(b)]


def test_the_matrix_covers_all_member_states_and_colours_each_pair(client):
    response = client.get(URL, {"on": "2024-01-01"})
    assert response.status_code == 200
    assert len(response.context["countries"]) == 35
    assert cell(response, "CL", "US").state == "covered"
    assert cell(response, "US", "CL").state == "covered"
    assert cell(response, "MX", "US").state == "pending"
    assert cell(response, "HT", "CR").state == "none"
    page = response.content.decode()
    # Each state has a symbol and a text, not colour alone; covered cells link to the lookup.
    assert "?a=CL&amp;b=US&amp;on=2024-01-01" in page
    assert "?a=HT&amp;b=CR&amp;on=2024-01-01" in page  # every cell is a link, even "no agreement"
    assert '<span class="visually-hidden">covered</span>' in page


def test_a_pair_covered_only_by_unconfirmed_dates_is_marked_uncertain(client):
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL, in_force_certain=False)
    party(agreement, "GT")
    party(agreement, "HN")
    assert cell(client.get(URL, {"on": "2024-01-01"}), "GT", "HN").state == "uncertain"


def test_the_date_changes_the_answer(client):
    assert cell(client.get(URL, {"on": "2001-11-30"}), "CL", "US").state == "pending"
    assert cell(client.get(URL, {"on": "2023-07-31"}), "CO", "PE").state == "pending"
    assert cell(client.get(URL, {"on": "2023-08-01"}), "CO", "PE").state == "covered"


def test_the_map_draws_every_member_state_and_the_territory_party(client):
    response = client.get(URL, {"on": "2024-01-01"})
    codes = {tile.country.iso2 for tile in response.context["tiles"]}
    assert codes == set(TILES)
    assert {c.iso2 for c in response.context["countries"]} <= codes
    assert "<svg" in response.content.decode()


def test_the_map_focused_on_a_country_shows_its_partners(client):
    response = client.get(URL, {"on": "2024-01-01", "focus": "br"})
    tiles = {tile.country.iso2: tile.state for tile in response.context["tiles"]}
    assert (tiles["BR"], tiles["UY"], tiles["MX"]) == ("focus", "covered", "none")


def test_the_matrix_downloads_as_csv(client):
    response = client.get(URL, {"on": "2024-01-01", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert len(lines) == 36
    header = lines[0].split(",")
    chile = next(line.split(",") for line in lines if line.startswith("CL,"))
    assert chile[header.index("US")] == "covered"


def test_a_malformed_date_is_a_form_error(client):
    response = client.get(URL, {"on": "2024-02-30"})
    assert response.status_code == 400
    assert "Write the date as YYYY-MM-DD" in response.content.decode()


def test_the_matrix_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get(URL, {"on": "2024-01-01"})
    for index in range(5):
        agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL, in_force=datetime.date(2001, 1, 1 + index))
        for iso2 in ("GT", "HN", "PA", "CR"):
            party(agreement, iso2)
    with django_assert_num_queries(4):
        client.get(URL, {"on": "2024-01-01"})
