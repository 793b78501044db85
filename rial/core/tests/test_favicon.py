"""The site answers /favicon.ico with its icon, and every page points to it."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_icon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert 'rel="icon"' in client.get(reverse("portal:home")).content.decode()
