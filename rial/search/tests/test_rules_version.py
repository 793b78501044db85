"""The term rules carry a version, stored with the index when it is built (stale-index detection). A change to
the rules that changes the terms of these sample words must come with a new ``RULES_VERSION``: this test then
fails until the fingerprint below is recorded for the new version."""

import hashlib

from rial.search.text import LANGUAGES, RULES_VERSION, fold, term

SAMPLE = ("labour organisation programme migrant migration inspector inspección formalização formalización "
          "escravidão talleres luces jóvenes travailleurs inspecteur négociation comissão pensões sector setor "
          "protección proteção analyse travelled behaviour")
FINGERPRINTS = {
    "2026-12-06.families/snowball-3.1.1": "faa388ba418ce453",
}


def fingerprint() -> str:
    terms = " ".join(term(fold(word), language) for word in SAMPLE.split() for language in LANGUAGES)
    return hashlib.sha256(terms.encode()).hexdigest()[:16]


def test_a_change_of_terms_comes_with_a_new_rules_version():
    assert FINGERPRINTS.get(RULES_VERSION) == fingerprint(), (
        "The terms of the sample words changed: give text.RULES_VERSION a new value (an existing index must be "
        f"rebuilt) and record {RULES_VERSION!r}: {fingerprint()!r} here.")
