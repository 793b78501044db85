"""The pages in Spanish, from the app's own catalog."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_conference_list_in_spanish(client):
    with translation.override("es"):
        url = reverse("conference:home")
    response = client.get(url, headers={"accept-language": "es"})
    assert "Conferencia Interamericana de Ministros de Trabajo" in response.text
    assert "XV CIMT" in response.text
