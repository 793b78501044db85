"""Test documents and a test-only source of documents (the indexing interface, without an app)."""

from types import SimpleNamespace

from rial.search.documents import SearchDocument


def document(key: str, title: str, body: str = "", *, kind: str = "study", language: str = "en", **extra):
    return SearchDocument(kind=kind, key=key, url=f"/studies/{key}/", language=language, title=title,
                          body=body, **extra)


def make_source(documents=()):
    """A module-like source with two kinds, as an app's search.py would be."""
    return SimpleNamespace(
        __name__="rial.search.tests.source",
        SEARCH_KINDS={"study": "Studies", "program": "Programs"},
        SEARCH_MODELS=[],
        search_documents=lambda: iter(documents),
        search_document=lambda obj: None,
    )
