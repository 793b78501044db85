"""The public part of the fund, conference, cooperation and country pages is drawn once per language (and day where
it depends on the date) and kept until the next committed write; what depends on the reader stays outside it."""

import pytest
from django.test import Client

from conftest import login
from rial.conference.tests.factories import conference
from rial.cooperation.models import Call
from rial.cooperation.tests.factories import open_call
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

# These tests commit (transaction=True): a test's own uncommitted writes make every part be drawn afresh.
committing = pytest.mark.django_db(transaction=True)

PAGES = [
    ("/en/fund/", "fund/includes/public_figures.html"),
    ("/en/conference/", "conference/includes/conference_table.html"),
    ("/en/cooperation/", "cooperation/includes/home_calls.html"),
    ("/en/countries/CL/", "directory/includes/country_body.html"),
]


def _drew(response, template_name: str) -> bool:
    assert response.status_code == 200
    return template_name in [template.name for template in response.templates]


@committing
@pytest.mark.parametrize(("url", "template_name"), PAGES)
def test_the_public_part_is_drawn_once_and_again_after_a_committed_write(url, template_name):
    first = Client().get(url)
    assert _drew(first, template_name)
    again = Client().get(url)
    assert not _drew(again, template_name) and again.content == first.content
    conference(95, year=2095, city="Kept City")  # any committed write to a public table replaces the token
    assert _drew(Client().get(url), template_name)


@committing
def test_a_new_conference_is_listed_on_the_next_request():
    Client().get("/en/conference/")
    conference(96, year=2096, city="Bridgetown")
    assert "Bridgetown" in Client().get("/en/conference/").content.decode()


@committing
def test_a_renamed_ministry_shows_on_its_country_page_on_the_next_request():
    Client().get("/en/countries/CL/")
    Institution.objects.filter(slug=ministry_slug("CL")).update(name_en="Ministry of Labor, renamed")
    assert "Ministry of Labor, renamed" in Client().get("/en/countries/CL/").content.decode()


@committing
def test_the_secretariat_s_draft_call_stays_out_of_the_public_part(secretariat):
    open_call(number=91)
    draft = open_call(number=92)
    Call.objects.filter(pk=draft.pk).update(state=Call.State.DRAFT)
    public = Client().get("/en/cooperation/").content.decode()
    managing = login(Client(), secretariat).get("/en/cooperation/").content.decode()
    public_again = Client().get("/en/cooperation/").content.decode()  # after the Secretariat's part was kept
    assert "92nd call" in managing and "Prepare a new call" in managing
    assert "92nd call" not in public and "92nd call" not in public_again and "91st call" in public_again
    assert "Prepare a new call" not in public_again


@committing
def test_each_language_has_its_own_part():
    english = Client().get("/en/conference/").content.decode()
    french = Client().get("/fr/conference/").content.decode()
    assert "Conferences, most recent first" in english and "Conferences, most recent first" not in french
