"""A Working Group report names its meetings' dates and places as its language writes dates: the patterns
are part of each language's table in vocabulary.py (English, Spanish, Portuguese, French); workshops and
seminars after the meetings are not meetings of the group."""

import pytest

from rial.conference.importer.report import parse_report
from rial.conference.importer.tests.samples import FRENCH_REPORT, PORTUGUESE_REPORT, REPORT


def test_english_dates_before_the_place():
    assert parse_report(REPORT)["meetings"] == [
        {"date": "2040-06-03", "place": "Kingston"}, {"date": "2041-03-09", "place": "Lima"}]


def test_portuguese_dates_before_and_after_the_place_and_the_workshop_left_out():
    report = parse_report(PORTUGUESE_REPORT)
    assert report["meetings"] == [
        {"date": "2040-05-03", "place": "Rio de Janeiro"}, {"date": "2041-09-14", "place": "Montevidéu"}]
    assert (report["group"], report["period"]) == (2, "2040-2041")
    assert report["issues_for_further_work"] == ["A mediação setorial merece mais reflexão e trabalho futuro."]
    assert "The dates and places of the group's meetings could not be found." not in report["warnings"]


def test_french_dates_with_the_first_of_the_month_and_the_place_before_the_date():
    report = parse_report(FRENCH_REPORT)
    assert report["meetings"] == [
        {"date": "2040-06-01", "place": "Port-au-Prince"}, {"date": "2041-03-09", "place": "Montréal"}]
    assert report["organizations"] == ["COSATE", "OIT"]


@pytest.mark.parametrize("sentence, meeting", [
    ("El grupo celebró dos reuniones: el 3 de junio de 2040 en San José y otra.",
     {"date": "2040-06-03", "place": "San José"}),
    ("O grupo realizou uma reunião em 3 de marco de 2040 em Brasília.",  # written without its cedilla
     {"date": "2040-03-03", "place": "Brasília"}),
    ("Le groupe a tenu une réunion le 12 decembre 2040 à Port of Spain.",
     {"date": "2040-12-12", "place": "Port of Spain"}),
])
def test_one_sentence_in_each_language(sentence, meeting):
    text = f"I. INTRODUCTION\n\n{sentence}\n\nWorking Group 1 (2040-2041).\n\nII. RECOMMENDATIONS\n\n1. Keep going.\n"
    assert parse_report(text)["meetings"] == [meeting]
