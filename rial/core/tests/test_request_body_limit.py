"""Oversized request bodies are refused before they are read: anonymous uploads above a form's size, and
anyone's above the upload limit. The CSRF check reads a POST body before a view can send an anonymous
visitor to the login page, so without this a 100 MB anonymous upload was received in full first."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import login

pytestmark = pytest.mark.django_db

HUNDRED_MB = 100 * 1024 * 1024
BODY = b"--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF\r\n--boundary--\r\n"


def _post(client, address, declared: int, **extra):
    # The declared length is what a server sees first; the test body is tiny, so reading it would fail.
    return client.generic("POST", address, BODY, content_type="multipart/form-data; boundary=boundary",
                          CONTENT_LENGTH=str(declared), **extra)


def _address():
    return reverse("library:upload", args=[1])


def test_an_anonymous_100_mb_upload_is_refused_unread():
    response = _post(Client(enforce_csrf_checks=True), _address(), HUNDRED_MB)
    assert response.status_code == 413
    assert "Sign in before sending files" in response.content.decode()
    assert response["Connection"] == "close"


def test_a_signed_in_upload_above_the_limit_is_refused_unread(focal_cl, settings):
    client = login(Client(enforce_csrf_checks=True), focal_cl)
    response = _post(client, _address(), settings.RIAL_MAX_UPLOAD_BYTES + 2 * 1024 * 1024)
    assert response.status_code == 413


def test_a_signed_in_upload_within_the_limit_reaches_the_view(client, focal_cl):
    login(client, focal_cl)
    response = _post(client, _address(), len(BODY))
    assert response.status_code != 413


def test_the_api_answers_json(client, settings):
    response = _post(client, "/api/v1/fund/contributions", settings.RIAL_MAX_UPLOAD_BYTES * 2,
                     HTTP_AUTHORIZATION="Bearer x")
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
