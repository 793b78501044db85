import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Pages in Spanish activate Spanish for the thread; each test here starts in English and leaves
    the language as it found it, so messages checked outside a request do not depend on test order."""
    with translation.override("en"):
        yield
