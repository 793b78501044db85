import pytest

from rial.core.searchable import register, unregister
from rial.search.tests.factories import StudySource


@pytest.fixture
def source(db):
    """The kinds "study" and "program" are known while a test runs (as if an app provided them)."""
    register(StudySource)
    StudySource.shelf = []
    try:
        yield StudySource
    finally:
        unregister(StudySource)
        StudySource.shelf = []
