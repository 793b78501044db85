"""The pages in Spanish, from the app's own catalog."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_conference_list_in_spanish(client):
    # override() restores the language afterwards: the request would otherwise leave Spanish active for
    # the tests that follow in this thread.
    with translation.override("es"):
        response = client.get(reverse("conference:home"))
    assert "Conferencia Interamericana de Ministros de Trabajo" in response.text
    assert "XV CIMT" in response.text
    assert translation.get_language() != "es"
