"""The benchmark's data and query set stay meaningful (the timings themselves are never tested)."""

from collections import Counter

from bench import search as bench_search
from bench import synthetic
from rial.search.index import index_documents
from rial.search.query import Filters, search


def test_the_synthetic_records_are_reproducible_and_in_four_languages():
    assert synthetic.document(42) == synthetic.document(42)
    languages = Counter(synthetic.document(n).language for n in range(400))
    assert set(languages) == {"es", "en", "pt", "fr"} and languages["es"] > languages["fr"]
    assert any(synthetic.document(n).translations for n in range(50))


def test_every_unfiltered_benchmark_query_finds_something_in_a_small_corpus(db):
    # The synthetic records are programs and documents, kinds the portfolio and library sources give.
    index_documents(synthetic.documents(0, 300))
    for words, filters in bench_search.QUERIES:
        if words == "Kariquimu" or filters:  # found nowhere / too narrow for 300 records
            continue
        assert search(q=words, filters=Filters(**filters)).total > 0, (words, filters)
