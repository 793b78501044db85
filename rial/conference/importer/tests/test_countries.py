"""Country names: the many spellings in documents map to one canonical English name."""

import pytest

from rial.conference.importer.countries import CountryNames
from rial.conference.importer.tests.samples import countries


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("United States", "United States"),
        ("the United States", "United States"),
        ("United States of America", "United States"),
        ("Estados Unidos de América", "United States"),
        ("ESTADOS UNIDOS", "United States"),
        ("USA", "United States"),
        ("Trinidad & Tobago", "Trinidad and Tobago"),
        ("Trinidad y Tobago", "Trinidad and Tobago"),
        ("México", "Mexico"),
        ("MEXICO", "Mexico"),
        ("Perú", "Peru"),
        ("peru", "Peru"),
        ("Brasil", "Brazil"),
        ("Haïti", "Haiti"),
        ("St. Lucia", "Saint Lucia"),
        ("St Kitts and Nevis", "Saint Kitts and Nevis"),
        ("República Dominicana", "Dominican Republic"),
        ("The Bahamas", "Bahamas"),
        ("Bolivia (Plurinational State of)", "Bolivia"),
        ("  Canadá ", "Canada"),
    ],
)
def test_canonical_from_csv(written, canonical):
    assert countries().canonical(written) == canonical


@pytest.mark.parametrize("written", ["Atlantis", "", None, "COUNTRY", "***", "Port of Spain"])
def test_unknown_names(written):
    assert countries().canonical(written) is None


def test_built_from_a_plain_dict():
    names = CountryNames({"estados unidos": "United States", "mexico": "Mexico"})
    assert names.canonical("Estados Unidos de América") == "United States"
    assert names.canonical("México") == "Mexico"
    assert names.canonical("Mexico") == "Mexico"
    # Extra spellings come only for the countries the mapping knows.
    assert names.canonical("Trinidad & Tobago") is None
    assert names.names() == ["Mexico", "United States"]


def test_find_all_in_order_and_longest_first():
    text = "Meeting in Port-of-Spain: the Dominican Republic, Dominica, Trinidad & Tobago and los Estados Unidos."
    found = [country.canonical for country in countries().find_all(text)]
    assert found == ["Dominican Republic", "Dominica", "Trinidad and Tobago", "United States"]


def test_find_all_skips_abbreviations_in_running_text():
    # "usa" is a Spanish verb; abbreviations are accepted by canonical() only.
    assert countries().find_all("La RIAL usa su portal.") == []


def test_find_all_positions_point_into_the_original_text():
    text = "Presidencia: Canadá y Perú."
    spans = [text[c.start : c.end] for c in countries().find_all(text)]
    assert spans == ["Canadá", "Perú"]
