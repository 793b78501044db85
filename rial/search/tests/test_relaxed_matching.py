"""A query is never answered with nothing when part of it matches: records with every word come first, then
records with most of the words, and the page says so. (Before, every word was required: "inspección laboral"
found 1 record where "inspección" found 7.)"""

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.tests.factories import document


def studies(count: int) -> list:
    return [document(f"only-{i}", f"Inspección de faenas {i}", "Visitas inspectivas a empresas.", language="es")
            for i in range(count)]


def test_records_with_some_of_the_words_follow_those_with_all_of_them(source):
    index_documents([document("both", "Inspección laboral en puertos", "Fiscalización portuaria.", language="es"),
                     *studies(6)])
    results = search(q="inspección laboral", filters=Filters(kind=["study"]))
    assert results.total == 7 and results.full_matches == 1
    assert results.hits[0].url.endswith("/both/") and results.hits[0].complete
    assert not any(hit.complete for hit in results.hits[1:])


def test_more_of_the_words_rank_above_fewer(source):
    index_documents([
        document("one", "Puertos", "Inspección.", language="es"),
        document("two", "Inspección en puertos", "Visitas a muelles.", language="es"),
        document("three", "Inspección laboral en puertos", "Visitas a muelles.", language="es"),
    ])
    found = [hit.url.split("/")[2] for hit in search(q="inspección laboral puertos", filters=Filters(kind=["study"])).hits]
    assert found == ["three", "two", "one"]


def test_the_page_says_when_results_contain_only_some_of_the_words(client, source):
    index_documents(studies(3))
    page = client.get("/en/search/", {"q": "inspección laboral", "kind": "study"}).content.decode()
    assert "No record contains all of your words" in page and "some of your words" in page
    index_documents([document("both", "Inspección laboral", "", language="es")])
    page = client.get("/en/search/", {"q": "inspección laboral", "kind": "study"}).content.decode()
    assert "The first result contains all of your words" in page


def test_the_api_counts_the_results_with_every_word(client, source):
    index_documents([*studies(2), document("both", "Inspección laboral", "", language="es")])
    data = client.get("/api/v1/search", {"q": "inspección laboral", "kind": "study"}).json()
    assert data["total"] == 3 and data["full_matches"] == 1 and data["words"] == 2
    assert [hit["complete"] for hit in data["results"]] == [True, False, False]
