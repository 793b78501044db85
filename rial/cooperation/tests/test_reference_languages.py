"""The historic calls and activities of the reference data read in the visitor's language; each keeps the
source's own words (English) and says where its translations come from."""

import html

import pytest
from django.utils import translation

from rial.cooperation import demo as cooperation_demo
from rial.cooperation.models import Activity, Call
from rial.core.reference import data_rows

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    with translation.override("en"):
        response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_a_historic_activity_shows_its_portuguese_title_and_notes(client):
    activity = Activity.objects.get(proposal=None, title_en="Eradication of child labor")
    text = page(client, f"/pt{activity.get_absolute_url().removeprefix('/en')}")
    assert '<span lang="pt">Erradicação do trabalho infantil</span>' in text
    assert "a fonte não indica quem solicitou e quem ofereceu" in text
    assert "Eradication of child labor" not in text and "direction not labelled" not in text
    assert "Erradicação do trabalho infantil" in page(client, "/pt/cooperation/activities/")


def test_a_historic_call_shows_its_notes_in_french(client):
    call = Call.objects.get(number=14)
    text = page(client, f"/fr{call.get_absolute_url().removeprefix('/en')}")
    assert "activités virtuelles uniquement (COVID-19)" in text
    assert "virtual activities only" not in text


def test_the_original_english_text_is_kept():
    activity = Activity.objects.get(proposal=None, title_en="Labor conflict prevention and resolution")
    assert activity.notes_en == "visit Oct 21-23 2014"
    assert activity.title_es == "Prevención y solución de conflictos laborales"


def test_reloading_changes_nothing():
    activity = Activity.objects.get(proposal=None, title_en="Employment services", first_party__country__iso2="SR")
    versions = activity.history.count()
    cooperation_demo.load_reference()
    assert activity.history.count() == versions


@pytest.mark.parametrize("name, fields", [("activities.csv", ("title", "notes")), ("calls.csv", ("notes",))])
def test_every_reference_row_has_its_four_languages_and_a_translations_source(name, fields):
    for row in data_rows(cooperation_demo.DATA / name):
        assert row["translations_source"].strip(), row
        for field in fields:
            original = row["topic_text"] if field == "title" else row[field] or row.get("opened_note", "")
            for language in ("es", "pt", "fr"):
                assert bool(row[f"{field}_{language}"].strip()) == bool(original.strip()), (row, field, language)
