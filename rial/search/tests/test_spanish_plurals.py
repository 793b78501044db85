"""Spanish plurals meet their singulars: Snowball alone stems "taller" → "tall" but "talleres" → "taller"."""

import pytest
import snowballstemmer

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.tests.factories import document
from rial.search.text import fold, term

# Pairs Snowball kept apart before `spanish_singular`.
JOINED_NOW = [
    ("taller", "talleres"), ("mujer", "mujeres"), ("joven", "jóvenes"), ("ciudad", "ciudades"),
    ("examen", "exámenes"), ("origen", "orígenes"), ("régimen", "regímenes"), ("lugar", "lugares"),
    ("poder", "poderes"), ("enfermedad", "enfermedades"), ("entidad", "entidades"), ("luz", "luces"),
    ("vez", "veces"), ("juez", "jueces"), ("capaz", "capaces"), ("eficaz", "eficaces"),
]
# Pairs (and families) Snowball already joined: they must stay joined.
STILL_JOINED = [
    ("país", "países"), ("inspección", "inspecciones"), ("trabajador", "trabajadores", "trabajo", "trabajar"),
    ("empleador", "empleadores"), ("sector", "sectores"), ("red", "redes"), ("ley", "leyes"), ("mes", "meses"),
    ("actor", "actores"), ("región", "regiones"), ("estudio", "estudios"), ("nacional", "nacionales"),
    ("laboral", "laborales"), ("reloj", "relojes"), ("orden", "órdenes"), ("índice", "índices"),
    ("alcance", "alcances"), ("dulce", "dulces"), ("inglés", "ingleses", "inglesa"),
    ("franceses", "francesa"), ("guyanés", "Guyana"), ("eficaz", "eficazmente"),
    ("feliz", "felizmente"), ("madre", "madres"), ("grande", "grandes"), ("clase", "clases"),
]
UNCHANGED = ["lunes", "crisis", "análisis", "tres", "antes", "martes", "viernes"]


def es(word: str) -> str:
    return term(fold(word), "es")


@pytest.mark.parametrize("words", JOINED_NOW + STILL_JOINED, ids=lambda words: "/".join(words))
def test_it_gives_a_singular_and_its_plural_one_term(words):
    assert len({es(word) for word in words}) == 1, {word: es(word) for word in words}


@pytest.mark.parametrize("word", UNCHANGED)
def test_it_leaves_words_that_only_look_plural_to_snowball(word):
    assert es(word) == "es_" + snowballstemmer.stemmer("spanish").stemWord(fold(word))


@pytest.mark.parametrize("language", ["en", "pt", "fr"])
def test_it_changes_only_spanish(language):
    stemmer = snowballstemmer.stemmer({"en": "english", "pt": "portuguese", "fr": "french"}[language])
    for word in ("talleres", "luz", "lugares", "mujeres"):
        assert term(word, language) == f"{language}_{stemmer.stemWord(word)}"


@pytest.fixture
def workshops(source):
    index_documents([
        document("taller", "Taller técnico sobre seguridad ocupacional", language="es"),
        document("mujeres", "Mujeres jóvenes en las ciudades", language="es"),
        document("other", "Inspección del trabajo", language="es"),
    ])


def keys(q: str) -> list[str]:
    return [hit.url.split("/")[2] for hit in search(q=q, filters=Filters(kind=["study"])).hits]


def test_a_search_for_the_plural_finds_the_singular_and_back(workshops):
    assert keys("talleres") == ["taller"]
    assert keys("talleres técnicos") == ["taller"]
    assert keys("mujer joven ciudad") == ["mujeres"]
