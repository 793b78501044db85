import pytest

from rial.core import searchable
from rial.core.searchable import register
from rial.search.sources import sources
from rial.search.tests.factories import StudySource


@pytest.fixture
def source(db, monkeypatch):
    """The kinds "study" and "program" are known while a test runs (as if an app provided them). The
    registry is given back as it was afterwards (monkeypatch), so the platform needs no way to forget a source."""
    sources()  # the apps' sources are found first, so they stay registered after the copy is given back
    monkeypatch.setattr(searchable, "_registered", dict(searchable._registered))
    register(StudySource)
    StudySource.shelf = []
    try:
        yield StudySource
    finally:
        StudySource.shelf = []
