"""What a query finds: stemming, accents, languages, topics (on whichever database runs the tests)."""

import pytest

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.tests.factories import document


def keys(q: str, **filters) -> list[str]:
    # Only the test documents: the topics themselves are indexed too (rial/topics/search.py).
    filters.setdefault("kind", ["study"])
    return [hit.url.split("/")[2] for hit in search(q=q, filters=Filters(**filters)).complete_hits]


@pytest.fixture
def library(source):
    index_documents([
        document("es-insp", "Inspección del trabajo en zonas rurales", "Las inspecciones a los trabajadores agrícolas.",
                 language="es", countries=("CL",), year=2019),
        document("en-insp", "Labor inspection manual", "Guide for inspectors visiting workplaces.",
                 translations={"es": ("Manual de inspección laboral", "Guía para los inspectores.")},
                 countries=("BR",), year=2021),
        document("en-topic", "Field visits handbook", "How to plan visits to enterprises.",
                 topics=("labor-inspection",), countries=("CO",), year=2021),
        document("en-other", "Pension agreements", "Totalization of contribution periods.",
                 topics=("pensions",), year=2018),
        document("fr-emploi", "Emploi des jeunes", "Programmes pour les jeunes travailleurs.", language="fr",
                 topics=("youth-employment",), year=2020),
    ])


def test_it_finds_singular_and_plural_with_and_without_accents(library):
    for q in ("inspección", "inspecciones", "INSPECCION", "inspeccion"):
        assert "es-insp" in keys(q), q
    assert keys("trabajador") == keys("trabajadores")
    assert "es-insp" in keys("trabajador")


def test_a_spanish_query_finds_spanish_translations_and_spanish_topic_labels(library):
    found = keys("inspección")
    # Spanish original, English record with a Spanish translation, English record whose topic is "Inspección del trabajo".
    assert set(found) == {"es-insp", "en-insp", "en-topic"}


def test_records_with_every_word_come_first_then_records_with_some(library):
    results = search(q="inspección rurales", filters=Filters(kind=["study"]))
    found = [hit.url.split("/")[2] for hit in results.hits]
    assert found[0] == "es-insp" and results.full_matches == 1 and results.hits[0].complete
    assert set(found[1:]) == {"en-insp", "en-topic"} and not any(hit.complete for hit in results.hits[1:])
    assert results.partial


def test_an_english_query_does_not_find_spanish_only_text(library):
    assert set(keys("inspection")) == {"en-insp", "en-topic"}


def test_title_matches_rank_above_body_matches(source):
    index_documents([
        document("body", "Annual report", "A short mention of telework at the end."),
        document("title", "Telework guide", "Rules for working from home."),
    ])
    assert keys("telework") == ["title", "body"]


def test_filters_narrow_the_results(library):
    assert set(keys("inspección", country=["BR"])) == {"en-insp"}
    assert set(keys("inspección", year=["2021"])) == {"en-insp", "en-topic"}
    assert set(keys("inspección", lang=["es"])) == {"es-insp", "en-insp"}
    assert set(keys("", topic=["labor"])) == {"en-topic"}  # a subtopic is found under its area


def test_facets_count_the_matches(library):
    results = search(q="inspección", filters=Filters(kind=["study"]))
    assert results.total == 3
    counts = {name: {f.value: f.count for f in values} for name, values in results.facets.items()}
    assert counts["country"] == {"CL": 1, "BR": 1, "CO": 1}
    assert counts["year"] == {"2019": 1, "2021": 2}
    assert counts["lang"] == {"es": 2, "en": 2}
    assert counts["kind"] == {"study": 3}
    assert counts["topic"] == {"labor-inspection": 1, "labor": 1}
