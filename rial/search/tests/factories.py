"""Test documents and a source of them that belongs to no app (registered for a test by ``rial/search/conftest.py``)."""

from rial.core.searchable import SearchDocument, SearchSource


def document(key: str, title: str, body: str = "", *, kind: str = "study", language: str = "en", **extra):
    return SearchDocument(kind=kind, key=key, url=f"/studies/{key}/", language=language, title=title,
                          body=body, **extra)


class StudySource(SearchSource):
    """Two kinds, "study" and "program", and whatever documents a test puts in ``shelf``."""

    kinds = {"study": "Studies", "program": "Programs"}
    shelf: list[SearchDocument] = []

    def document(self, record):
        return None

    def documents(self):
        return iter(self.shelf)
