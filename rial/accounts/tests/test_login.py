"""Logging in and out, a wrong password, and the lockout after repeated failures (django-axes)."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "a-good-test-password"


def test_a_user_logs_in_and_out(client, focal_cl):
    response = client.post(LOGIN, {"username": "focal-cl", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).context["user"] == focal_cl
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_wrong_password_gets_a_clear_message_and_no_session(client, focal_cl):
    response = client.post(LOGIN, {"username": "focal-cl", "password": "wrong-password"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_login_redirects_only_to_this_site(client, focal_cl):
    response = client.post(LOGIN, {"username": "focal-cl", "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("portal:desk")


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, focal_cl):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "focal-cl", "password": "wrong-password"})
    response = client.post(LOGIN, {"username": "focal-cl", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_lock_and_a_success_resets_the_count(client, focal_cl):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": "focal-cl", "password": "wrong-password"})
    assert client.post(LOGIN, {"username": "focal-cl", "password": PASSWORD}).status_code == 302
    client.logout()
    client.post(LOGIN, {"username": "focal-cl", "password": "wrong-password"})
    assert client.post(LOGIN, {"username": "focal-cl", "password": PASSWORD}).status_code == 302


def test_a_lockout_of_one_account_does_not_lock_another(client, focal_cl, focal_br):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "focal-cl", "password": "wrong-password"})
    assert client.post(LOGIN, {"username": "focal-br", "password": PASSWORD}).status_code == 302
