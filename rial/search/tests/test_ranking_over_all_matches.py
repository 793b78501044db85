"""When more records match than are ranked, the best of all matches are drawn first: a record with every word in
its title is never passed over for newer records that only mention them in the body. (Before, only the newest
matches were ranked: the most relevant older record was never seen.)"""

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.tests.factories import document


def test_an_older_record_with_the_words_in_its_title_comes_first(source, monkeypatch):
    monkeypatch.setattr("rial.search.engines.CANDIDATES", 5)
    index_documents([document("old", "Telework rules", "Agreement on remote work.")])  # the oldest entry
    index_documents([document(f"new-{i}", f"Annual report {i}", "A short mention of telework at the end.")
                     for i in range(12)])
    results = search(q="telework", filters=Filters(kind=["study"]))
    assert results.capped and results.total == 5
    assert results.hits[0].url == "/studies/old/"


def test_records_with_every_word_are_drawn_before_newer_records_with_some(source, monkeypatch):
    monkeypatch.setattr("rial.search.engines.CANDIDATES", 5)
    index_documents([document("both", "Annual report", "Telework and overtime in the public sector.")])
    index_documents([document(f"some-{i}", f"Telework report {i}", "Remote work.") for i in range(12)])
    results = search(q="telework overtime", filters=Filters(kind=["study"]))
    assert results.hits[0].url == "/studies/both/" and results.full_matches == 1


def test_partial_matches_are_counted_by_how_many_words_they_have(source, monkeypatch):
    monkeypatch.setattr("rial.search.engines.CANDIDATES", 5)
    index_documents([document("two", "Overtime and telework", "")])
    index_documents([document(f"one-{i}", f"Telework {i}", "") for i in range(12)])
    results = search(q="telework overtime night", filters=Filters(kind=["study"]))
    assert results.hits[0].url == "/studies/two/" and results.full_matches == 0
