import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request to /es/… leaves Spanish active in the thread; each test starts in English.
    with translation.override("en"):
        yield
