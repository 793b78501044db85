"""Portuguese and French are started for the conference cycle: navigation, headings, buttons and states."""

from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

APP = Path(__file__).resolve().parents[1]
STARTED = {"Conferences", "Plans of Action", "Declaration", "Working groups", "Download the document", "Save"}


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_the_catalog_translates_the_navigation_strings(language):
    catalog = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert catalog.metadata["Language"] == language and not catalog.metadata_is_fuzzy
    assert {entry.msgid for entry in catalog.translated_entries()} >= STARTED
    assert not [entry for entry in catalog if entry.fuzzy]


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading", [("pt", "Conferências, da mais recente à mais antiga"),
                                               ("fr", "Conférences, de la plus récente à la plus ancienne")])
def test_the_home_page_reads_in_portuguese_and_french(client, language, heading):
    call_command("compile_catalogs", verbosity=0)
    with translation.override("en"):  # the request activates the page's language; leave English behind
        assert heading in client.get(f"/{language}/conference/").text
