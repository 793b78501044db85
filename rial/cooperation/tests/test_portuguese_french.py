"""Portuguese and French are started for cooperation: navigation, headings, buttons and states."""

from pathlib import Path

import polib
import pytest
from django.core.management import call_command

APP = Path(__file__).resolve().parents[1]
STARTED = {"Bilateral cooperation", "Calls for proposals", "Open the call", "Submit a proposal", "Save", "Cancel"}


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_the_catalog_translates_the_navigation_strings(language):
    catalog = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert catalog.metadata["Language"] == language and not catalog.metadata_is_fuzzy
    assert {entry.msgid for entry in catalog.translated_entries()} >= STARTED
    assert not [entry for entry in catalog if entry.fuzzy]


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading", [("pt", "Chamadas de propostas"), ("fr", "Appels à propositions")])
def test_the_home_page_reads_in_portuguese_and_french(client, language, heading):
    call_command("compile_catalogs", verbosity=0)
    assert heading in client.get(f"/{language}/cooperation/").text
