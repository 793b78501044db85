import pytest

from rial.search.sources import extra_source
from rial.search.tests.factories import make_source


@pytest.fixture
def source(db):
    """The kinds "study" and "program" are known while a test runs (as if an app provided them)."""
    with extra_source(make_source()) as module:
        yield module
