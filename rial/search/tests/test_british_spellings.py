"""British and American spellings give the same terms: "mediation of labour disputes" finds a record about
"labor disputes" (before, it found nothing; "labor" found both)."""

import pytest

from rial.search.index import index_documents
from rial.search.query import Filters, search
from rial.search.stemming import american
from rial.search.tests.factories import document


def keys(q: str) -> set[str]:
    return {hit.url.split("/")[2] for hit in search(q=q, filters=Filters(kind=["study"])).complete_hits}


def test_labour_finds_labor_and_back(source):
    index_documents([
        document("us", "Mediation of labor disputes", "The Federal Mediation service helps unions and employers."),
        document("uk", "Labour dispute conciliation", "The Ministry of Labour offers conciliation to trade unions."),
    ])
    assert keys("mediation of labour disputes") == {"us"}
    assert keys("labor dispute") == keys("labour dispute") == {"us", "uk"}


@pytest.mark.parametrize(("british", "american_spelling"), [
    ("organisation", "organization"), ("programme", "program"), ("centres", "centers"), ("behavioural", "behavioral"),
    ("labourers", "laborers"), ("travelled", "traveled"), ("analyse", "analyze"), ("defence", "defense"),
    ("enrolment", "enrollment"), ("harmonisation", "harmonization"),
])
def test_british_words_are_read_as_american(source, british, american_spelling):
    assert american(british) == american_spelling
    index_documents([document("doc", f"A {american_spelling} report")])
    assert keys(british) == {"doc"}


@pytest.mark.parametrize("word", ["promise", "exercise", "advertising", "hour", "four", "raise", "enterprise"])
def test_words_that_only_look_british_are_left_alone(word):
    assert american(word) == word
