"""The index's known terms (SearchTerm): kept in step with every write, filled from an index written before them,
and used to drop a query word's alternatives that no record holds — which finds exactly the same records."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection, transaction

from rial.search.engines import CANDIDATES, EngineQuery, get_engine
from rial.search.index import index_documents, remove
from rial.search.models import SearchTerm
from rial.search.query import Filters, engine_query, search
from rial.search.tests.factories import document
from rial.search.text import LANGUAGES, parse_query, term


def held() -> set[str]:
    return set(SearchTerm.objects.values_list("term", flat=True))


def test_indexing_a_record_records_its_terms_and_concepts_not_its_filter_tokens(source):
    index_documents([document("a", "Trabajo infantil en la agricultura", "Visitas de inspección.", language="es",
                              countries=("CL",), year=2019)])
    terms = held()
    assert {term("trabajo", "es"), term("inspeccion", "es"), term("agricultura", "es")} <= terms
    assert "concept_child_labor" in terms
    assert not {item for item in terms if item.startswith(("country_", "year_", "kind_", "lang_", "topic_"))}


def test_a_rolled_back_write_records_no_term(source):
    with pytest.raises(RuntimeError), transaction.atomic():
        index_documents([document("a", "Zanahorias", language="es")])
        raise RuntimeError
    assert term("zanahoria", "es") not in held()


def test_terms_stay_when_the_record_goes(source):
    # A term left behind only costs a useless alternative; one missing would lose matches.
    index_documents([document("a", "Telework", "")])
    remove("study", ["a"])
    assert term("telework", "en") in held()


def test_a_query_keeps_only_the_alternatives_some_record_holds(source):
    index_documents([document("es", "Inspección del trabajo", language="es")])
    clauses = engine_query(parse_query("inspección del trabajo"), Filters()).clauses
    assert term("inspeccion", "es") in clauses[0] and "concept_labor_inspection" in clauses[0]
    # Nothing holds the word stemmed in English or French.
    assert term("inspeccion", "en") not in clauses[0] and term("inspeccion", "fr") not in clauses[0]
    assert all(item in held() for clause in clauses for item in clause)


def test_dropping_absent_alternatives_finds_the_same_records_in_the_same_order(source):
    index_documents([document("es", "Trabajadores rurales", "Inspección en el campo.", language="es"),
                     document("pt", "Trabalhadores rurais", "Inspeção no campo.", language="pt"),
                     document("en", "Rural workers", "Labour inspection in the countryside.", language="en"),
                     document("fr", "Travailleurs ruraux", "Inspection du travail à la campagne.", language="fr")])
    query = parse_query("inspección trabajadores rurales")
    pruned = engine_query(query, Filters())
    every = EngineQuery(clauses=[[term(word, language) for language in LANGUAGES] + sorted(
        {token for token in clause if token.startswith("concept_")}) for word, clause in zip(query.words,
                                                                                             pruned.clauses,
                                                                                             strict=True)])
    assert sum(map(len, pruned.clauses)) < sum(map(len, every.clauses))  # some alternatives were absent
    engine = get_engine()
    assert [(c.id, c.coverage) for c in engine.candidates(pruned, CANDIDATES + 1)] == [
        (c.id, c.coverage) for c in engine.candidates(every, CANDIDATES + 1)]


def test_a_word_no_record_holds_still_counts_as_a_word(source):
    index_documents([document("a", "Telework rules", "")])
    clauses = engine_query(parse_query("telework zzyzx"), Filters()).clauses
    assert len(clauses) == 2 and len(clauses[1]) == 1  # one term that nothing matches
    results = search(q="telework zzyzx", filters=Filters(kind=["study"]))
    assert results.total == 1 and results.full_matches == 0 and results.partial


def test_the_migration_fills_the_terms_from_an_index_written_before_them(source):
    index_documents([document("a", "Inspección del trabajo", "Trabajo infantil.", language="es", countries=("CL",))])
    before = held()
    SearchTerm.objects.all().delete()
    migration = import_module("rial.search.migrations.0008_searchterm")
    migration._fill(apps, SimpleNamespace(connection=connection))  # what it reads of the schema editor
    assert held() == before
