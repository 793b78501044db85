"""The lookup's "no", the country page and the proposal form speak Spanish, Portuguese and French."""

import polib
import pytest

from conftest import login
from rial.agreements.tests.test_spanish import CATALOG

pytestmark = pytest.mark.django_db

NO_ANSWER = {
    "es": "Ningún convenio en vigor en nuestros registros entre Haití y Suriname",
    "pt": "Nenhum acordo em vigor em nossos registros entre",
    "fr": "Aucun accord en vigueur dans nos registres entre",
}


@pytest.mark.parametrize("language", sorted(NO_ANSWER))
def test_the_no_answer_and_the_review_date_in_each_language(client, language):
    page = client.get(f"/{language}/agreements/coverage/", {"a": "HT", "b": "SR", "on": "2024-01-01"}).content.decode()
    assert NO_ANSWER[language] in page


@pytest.mark.parametrize("language, title", [("es", "Convenios de seguridad social de"),
                                              ("pt", "Acordos de seguridade social de"),
                                              ("fr", "Accords de sécurité sociale de")])
def test_the_country_page_in_each_language(client, language, title):
    assert title in client.get(f"/{language}/agreements/country/JM/").content.decode()


def test_the_proposal_form_in_french(client, focal_cl):
    login(client, focal_cl)
    assert "Que proposez-vous ?" in client.get("/fr/agreements/proposals/new/").content.decode()


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_every_proposal_string_is_translated_in_portuguese_and_french(language):
    spanish = polib.pofile(str(CATALOG))
    other = polib.pofile(str(CATALOG).replace("/es/", f"/{language}/"))
    translated = {entry.msgid for entry in other.translated_entries()}
    assert {"Propose a correction or a missing agreement", "Submitted for review", "Say why: the focal point will read it.",
            "No agreement in force in our records between %(a)s and %(b)s on %(on)s"} <= translated
    assert not other.fuzzy_entries() and not spanish.fuzzy_entries()
