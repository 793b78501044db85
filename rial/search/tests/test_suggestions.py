"""A misspelt word is searched as the nearest words the index knows ("Did you mean"), and a search that finds
nothing suggests the same query in the other languages and the topic it belongs to. (Before, 5 of 20 ordinary
queries returned nothing, with no hint.)"""

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.tests.factories import document


def test_a_misspelt_word_is_searched_as_the_nearest_known_word(client, source):
    index_documents([document("med", "Mediación laboral en puertos", "Conflictos de estibadores.", language="es")])
    results = search(q="mediasion laboral", filters=Filters(kind=["study"]))
    # One edit away: "mediación" (this record) and "mediation" (a topic's label); both are searched.
    assert set(results.corrected["mediasion"]) == {"mediación", "mediation"}
    assert results.did_you_mean in ("mediación laboral", "mediation laboral")
    assert [hit.url for hit in results.complete_hits] == ["/studies/med/"]
    page = client.get("/en/search/", {"q": "mediasion laboral", "kind": "study"}).content.decode()
    assert "Did you mean" in page and results.did_you_mean in page
    data = client.get("/api/v1/search", {"q": "mediasion laboral", "kind": "study"}).json()
    assert data["did_you_mean"] == results.did_you_mean and data["full_matches"] == 1


def test_a_known_word_is_never_corrected(source):
    index_documents([document("a", "Pension reform", ""), document("b", "Tension at work", "")])
    assert search(q="tension", filters=Filters(kind=["study"])).corrected == {}


def test_nothing_found_suggests_other_languages_and_the_topic(client, source):
    index_documents([document("other", "Pension reform", "")])
    results = search(q="trabajo infantil", filters=Filters(kind=["study"]))
    assert results.total == 0
    suggested = {other.language: other.query for other in results.other_languages}
    assert suggested["en"] == "child labor" and suggested["pt"] == "trabalho infantil"
    assert ("child-labor", "Child labor") in results.topics
    page = client.get("/en/search/", {"q": "trabajo infantil", "kind": "study"}).content.decode()
    assert "Suggestions" in page and "travail des enfants" in page and 'href="/en/topics/child-labor/"' in page
    data = client.get("/api/v1/search", {"q": "trabajo infantil", "kind": "study"}).json()
    assert {"language": "fr", "query": "travail des enfants"} in data["other_languages"]
