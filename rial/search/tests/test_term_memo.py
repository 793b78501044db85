"""Terms are remembered in dicts the garbage collector never walks (text.py), and the memo stays bounded."""

import gc

from rial.search import text


def test_the_memos_hold_only_strings_so_a_collection_skips_them():
    text.terms("Inspecciones del trabajo en las empresas agrícolas, 2024", "es")
    text.word_term("Trabajadores", "es")
    for memos in (text._term_memo, text._word_memo):
        assert memos["es"] and not gc.is_tracked(memos["es"])


def test_a_full_memo_starts_again_and_gives_the_same_terms(monkeypatch):
    monkeypatch.setattr(text, "MEMO_WORDS", 3)
    monkeypatch.setattr(text, "_term_memo", {})
    monkeypatch.setattr(text, "_word_memo", {})
    first = text.terms("inspección inspecciones trabajador trabajadores talleres taller", "es")
    assert len(text._word_memo["es"]) <= 3 and len(text._term_memo["es"]) <= 3
    assert first == text.terms("inspección inspecciones trabajador trabajadores talleres taller", "es")
    assert first[0] == first[1] and first[2] == first[3] and first[4] == first[5]
