"""Fixtures of the meetings app's tests."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    # A request to /es/… leaves Spanish active in the test thread; reset it so no later test (of any app)
    # builds its URLs in Spanish.
    yield
    translation.activate(settings.LANGUAGE_CODE)
