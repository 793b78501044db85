"""Plans (and a report) written in French and Portuguese, languages added as tables in vocabulary.py, parse like
their English twins."""

from rial.conference.importer.plan import detect_kind
from rial.conference.importer.report import parse_report
from rial.conference.importer.tests.samples import (
    ENGLISH_PLAN,
    FRENCH_PLAN,
    FRENCH_REPORT,
    PORTUGUESE_PLAN,
    countries,
    parsed_json,
)
from rial.conference.importer.tests.test_spanish_plan import _structure
from rial.conference.importer.vocabulary import FRENCH, LANGUAGES


def test_french_is_a_table_of_the_vocabulary():
    assert FRENCH in LANGUAGES


def test_french_twin_has_the_same_structure():
    english = parsed_json(ENGLISH_PLAN)
    french = parsed_json(FRENCH_PLAN)
    assert french["language"] == "fr"
    assert _structure(french) == _structure(english)


def test_french_names_titles_and_placeholder():
    french = parsed_json(FRENCH_PLAN)
    assert french["title"] == "PLAN D'ACTION DE BRIDGETOWN" and french["status"] == "adopted"
    assert french["conference"] == {"number": "XXX", "city": "Bridgetown", "year": 2040}
    first = french["working_groups"][0]
    assert first["title"] == "Compétences et emplois pour une économie en mutation"
    assert first["topics"][1] == "L'emploi des jeunes"
    assert first["activities"][1]["items"] == ["les programmes menés avec les employeurs",
                                               "les programmes pour les jeunes ruraux."]
    assert french["warnings"] == ["Vice-chair 1 of Working Group 2 is not named yet (placeholder 'PAYS')."]
    assert french["network_actions"][0] == "Tenir à jour sa liste de programmes de coopération"


def test_a_french_draft_states_its_status():
    draft = parsed_json(FRENCH_PLAN.replace("PLAN D'ACTION DE BRIDGETOWN", "PROJET DE PLAN D'ACTION DE BRIDGETOWN"))
    assert draft["status"] == "draft"


def test_a_french_report_is_read_with_its_issues_for_further_work():
    report = parse_report(FRENCH_REPORT, countries())
    assert detect_kind(FRENCH_REPORT) == "working_group_report"
    assert (report["group"], report["period"]) == (1, "2040-2041")
    assert report["issues_for_further_work"] == ["La mesure des déficits de compétences demande plus de réflexion."]
    assert len(report["consensus"]) == 1 and len(report["recommendations"]) == 2


def test_a_portuguese_twin_has_the_same_structure():
    portuguese = parsed_json(PORTUGUESE_PLAN)
    assert portuguese["language"] == "pt"
    assert _structure(portuguese) == _structure(parsed_json(ENGLISH_PLAN))
    assert portuguese["working_groups"][0]["title"] == "Competências e empregos para uma economia em mudança"
