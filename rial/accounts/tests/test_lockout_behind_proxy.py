"""Behind the TLS proxy the lockout keys on the client's address, and nobody can lock an account for all.

Every request reaches the application from the proxy's address; the proxy appends the client's address to
X-Forwarded-For. The tests send the header as nginx writes it: whatever the client sent, then the client's
real address.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "a-good-test-password"
PROXY = "10.0.0.2"


def _attempt(client, username, password, *, client_address, spoofed=""):
    forwarded = f"{spoofed}, {client_address}" if spoofed else client_address
    return client.post(LOGIN, {"username": username, "password": password},
                       REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.fixture
def behind_proxy(settings):
    settings.RIAL_TRUSTED_PROXIES = 1
    cache.clear()  # the per-account failure counts of earlier tests


def test_an_attacker_locks_only_their_own_address_not_the_secretariat(client, behind_proxy, secretariat):
    for _attempt_number in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "secretariat", "wrong-password", client_address="203.0.113.5")
    assert _attempt(client, "secretariat", PASSWORD, client_address="203.0.113.5").status_code == 429
    client.cookies.clear()
    answer = _attempt(client, "secretariat", PASSWORD, client_address="198.51.100.7")
    assert answer.status_code == 302  # on to the second factor


def test_a_forged_forwarded_header_does_not_escape_the_lockout(client, behind_proxy, focal_cl):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "focal-cl", "wrong-password", client_address="203.0.113.5", spoofed=f"192.0.2.{number}")
    answer = _attempt(client, "focal-cl", PASSWORD, client_address="203.0.113.5", spoofed="192.0.2.200")
    assert answer.status_code == 429


def test_without_a_configured_proxy_the_header_is_not_trusted(client, focal_cl):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "focal-cl", "wrong-password", client_address=f"192.0.2.{number}")
    assert _attempt(client, "focal-cl", PASSWORD, client_address="192.0.2.99").status_code == 429


def test_guessing_from_many_addresses_slows_the_account_but_never_locks_it(client, behind_proxy, settings,
                                                                          secretariat, monkeypatch):
    settings.RIAL_LOGIN_ACCOUNT_LIMIT = 6
    waits: list[float] = []
    monkeypatch.setattr("rial.accounts.views.time.sleep", waits.append)
    for number in range(12):  # two addresses per limit of failures: none of them locked
        _attempt(client, "secretariat", "wrong-password", client_address=f"203.0.113.{number // 2 + 1}")
    assert len(waits) == 12 - 6 and waits[0] == 0.25  # from the limit on, every attempt waits, longer and longer
    assert waits == sorted(waits)
    assert max(waits) <= settings.RIAL_LOGIN_SLOWDOWN_MAX_SECONDS
    waits.clear()
    answer = _attempt(client, "secretariat", PASSWORD, client_address="198.51.100.7")
    assert answer.status_code == 302
    assert waits and waits[0] > 0


def test_the_admin_login_is_slowed_the_same_way(client, behind_proxy, settings, secretariat, monkeypatch):
    settings.RIAL_LOGIN_ACCOUNT_LIMIT = 2
    waits: list[float] = []
    monkeypatch.setattr("rial.core.admin.time.sleep", waits.append)
    for number in range(3):
        client.post("/admin/login/", {"username": "secretariat", "password": "wrong-password"},
                    REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.{number + 1}")
    assert waits == [0.25]
