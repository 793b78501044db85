"""The relevance benchmark's judged set keeps the shape the benchmark promises (the figures are never tested)."""

from collections import Counter, defaultdict

from bench.relevance_data import QUERIES, RECORDS


def test_records_in_four_languages_with_unique_keys():
    assert len(RECORDS) >= 190 and len({record.key for record in RECORDS}) == len(RECORDS)
    assert set(Counter(record.language for record in RECORDS)) == {"en", "es", "pt", "fr"}


def test_at_least_150_queries_a_third_of_them_in_another_language_than_their_records():
    languages = defaultdict(set)
    for record in RECORDS:
        languages[record.theme].add(record.language)
    assert len(QUERIES) >= 150 and len({query.text for query in QUERIES}) == len(QUERIES)
    assert all(theme in languages for query in QUERIES for theme in query.themes)
    across = [query for query in QUERIES if not any(query.language in languages[theme] for theme in query.themes)]
    assert len(across) * 3 >= len(QUERIES)
    notes = Counter(note for query in QUERIES for note in query.note.split(", ") if note)
    assert notes["misspelling"] >= 3 and notes["uk"] >= 5 and notes["long"] >= 1
