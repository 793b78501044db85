"""Words of one family meet where Snowball keeps them apart: "migrant workers" finds "migration", "trabalho
escravo" finds "escravidão", a Spanish "formalización" finds Portuguese "formalização" (bench/stemming.py measures
the rules on a larger list)."""

import pytest

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.stemming import stem
from rial.search.tests.factories import document
from rial.search.text import fold


def keys(q: str) -> set[str]:
    return {hit.url.split("/")[2] for hit in search(q=q, filters=Filters(kind=["study"])).complete_hits}


def test_migrant_workers_finds_migration(source):
    index_documents([document("migration", "Labour migration policy", "Managing the migration of workers abroad.")])
    assert keys("migrant workers") == {"migration"}


def test_trabalho_escravo_finds_escravidao(source):
    index_documents([document("escravidao", "Combate à escravidão contemporânea", "Resgate de trabalhadores.",
                              language="pt")])
    assert keys("trabalho escravo") == {"escravidao"}


def test_a_spanish_query_finds_portuguese_formalizacao_and_back(source):
    index_documents([
        document("pt", "Formalização do emprego", "Microempreendedores.", language="pt"),
        document("es", "Formalización laboral", "Pequeñas empresas.", language="es"),
    ])
    assert keys("formalización") == {"pt", "es"}
    assert keys("formalização") == {"pt", "es"}
    assert keys("formalizacao") == {"pt", "es"}  # typed without accents


@pytest.mark.parametrize(("language", "family"), [
    ("pt", "inspeção inspeções inspetor inspecção"), ("pt", "migração migrante migrantes"),
    ("pt", "escravidão escravo"), ("es", "inspección inspector inspectores"), ("es", "migración migrante"),
    ("es", "esclavitud esclavo"), ("en", "inspection inspector"), ("en", "migrant migration"),
    ("fr", "migration migrant"), ("fr", "inspection inspecteur"),
])
def test_a_family_has_one_stem(language, family):
    assert len({stem(fold(word), language) for word in family.split()}) == 1


@pytest.mark.parametrize(("language", "pair"), [
    ("en", "sector sect"), ("en", "factor fact"), ("es", "nación nacer"), ("es", "sector seco"),
    ("pt", "solidão sol"), ("pt", "setor seta"),
])
def test_short_words_keep_their_own_stem(language, pair):
    first, second = pair.split()
    assert stem(fold(first), language) != stem(fold(second), language)
