"""Deadline phrases, in English and Spanish, with their calendar date when they have one."""

import pytest

from rial.conference.importer.parsed import Deadline
from rial.conference.importer.plan import find_deadlines


@pytest.mark.parametrize(
    ("sentence", "text", "date"),
    [
        ("Procedures will be set by February 2008.", "by February 2008", "2008-02"),
        ("A calendar no later than March 2016, after consultation.", "no later than March 2016", "2016-03"),
        ("Eradicate it by no later than 2020.", "by no later than 2020", "2020"),
        ("A report before the end of 2016.", "before the end of 2016", "2016"),
        ("A guide by March 31, 2041.", "by March 31, 2041", "2041-03"),
        ("A guide by 31 March 2041.", "by 31 March 2041", "2041-03"),
        (
            "They meet at least twice before the next conference.",
            "at least twice before the next conference",
            None,
        ),
        ("One meeting before the XXII IACML.", "before the XXII IACML", None),
        ("Un calendario a más tardar en marzo de 2016.", "a más tardar en marzo de 2016", "2016-03"),
        ("Procedimientos antes de febrero de 2008.", "antes de febrero de 2008", "2008-02"),
        ("Un informe antes de fines de 2016.", "antes de fines de 2016", "2016"),
        (
            "Se reunirán al menos dos veces antes de la próxima Conferencia.",
            "al menos dos veces antes de la próxima Conferencia",
            None,
        ),
    ],
)
def test_deadline_phrases(sentence, text, date):
    assert find_deadlines(sentence) == [Deadline(text=text, date=date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was adopted on September 27, 2005 in Mexico City.",
        "It was approved by the OAS General Assembly in 2017.",
        "Approved by the XIX IACML in December of 2015.",
        "Officials from at least 20 ministries attended.",
    ],
)
def test_not_deadlines(sentence):
    assert find_deadlines(sentence) == []


def test_phrase_broken_over_lines_and_order_kept():
    text = "Set a calendar no later\nthan March 2016 and meet at least\ntwice before the XV Conference; report by June 2017."
    assert [d.date for d in find_deadlines(text)] == ["2016-03", None, "2017-06"]
