"""API tokens: shown once, stored as a digest, revocable, expiring, and no way around the Secretariat's second factor."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.accounts.models import ApiToken
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db

URL = f"/api/v1/institutions/{ministry_slug('CL')}"


def _patch(client, token: str, email: str):
    return client.patch(URL, data=json.dumps({"email": email}), content_type="application/json",
                        headers={"Authorization": f"Bearer {token}"})


def _created_token(response) -> str:
    text = [str(m) for m in response.context["messages"]][0]
    return text.split()[-1]


def test_a_token_created_on_the_profile_page_is_shown_once_and_stored_as_a_digest(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("accounts:create_token"), {"label": "export script"}, follow=True)
    raw = _created_token(response)
    token = ApiToken.objects.get(user=focal_cl)
    assert raw not in token.digest and len(token.digest) == 64
    assert raw not in client.get(reverse("accounts:profile")).content.decode()
    assert _patch(client, raw, "script@example.cl").status_code == 200


def test_a_token_without_label_or_with_an_over_long_label_is_not_created(client, focal_cl):
    login(client, focal_cl)
    for label in ("", "x" * 101):
        response = client.post(reverse("accounts:create_token"), {"label": label}, follow=True)
        assert "The token was not created" in response.content.decode()
    assert not ApiToken.objects.filter(user=focal_cl).exists()


def test_a_user_revokes_only_their_own_tokens(client, focal_cl, focal_br):
    token, raw = ApiToken.issue(user=focal_br, label="brazil")
    login(client, focal_cl)
    client.post(reverse("accounts:revoke_token", kwargs={"pk": token.pk}))
    token.refresh_from_db()
    assert token.revoked_at is None
    login(client, focal_br)
    client.post(reverse("accounts:revoke_token", kwargs={"pk": token.pk}))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_secretariat_token_created_after_the_second_factor_works(client, secretariat):
    login(client, secretariat)  # with the TOTP step passed
    raw = _created_token(client.post(reverse("accounts:create_token"), {"label": "sync"}, follow=True))
    assert ApiToken.objects.get(user=secretariat).second_factor_verified
    client.logout()
    assert _patch(client, raw, "secretariat@example.org").status_code == 200


def test_a_secretariat_token_without_the_second_factor_is_refused(client, secretariat):
    before = Institution.objects.get(slug=ministry_slug("CL")).email
    # e.g. created before the person joined the Secretariat, when no second factor was needed
    _token, raw = ApiToken.issue(user=secretariat, label="old", second_factor_verified=False)
    response = _patch(client, raw, "bypass@example.org")
    assert response.status_code == 401
    assert "two-factor" in response.json()["detail"]
    assert Institution.objects.get(slug=ministry_slug("CL")).email == before


def test_an_unverified_secretariat_session_cannot_create_a_token(client, secretariat):
    client.force_login(secretariat)  # password only, no TOTP yet
    response = client.post(reverse("accounts:create_token"), {"label": "sneaky"})
    assert response.status_code == 302
    assert reverse("accounts:two_factor_verify") in response["Location"]
    assert not ApiToken.objects.filter(user=secretariat).exists()


def _expire(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))


def test_a_new_token_expires_after_the_default_lifetime(focal_cl, settings):
    settings.RIAL_API_TOKEN_DAYS = 365
    token, _raw = ApiToken.issue(user=focal_cl, label="script")
    assert token.expires_at - token.created_at == pytest.approx(datetime.timedelta(days=365),
                                                                abs=datetime.timedelta(seconds=5))
    longer, _raw = ApiToken.issue(user=focal_cl, label="too long", days=1000)
    assert longer.expires_at - longer.created_at < datetime.timedelta(days=366)


def test_an_expired_token_is_refused_on_a_write(client, focal_cl):
    before = Institution.objects.get(slug=ministry_slug("CL")).email
    token, raw = ApiToken.issue(user=focal_cl, label="old script")
    assert _patch(client, raw, "fresh@example.cl").status_code == 200
    _expire(token)
    response = _patch(client, raw, "stale@example.cl")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("This token expired on ")
    assert Institution.objects.get(slug=ministry_slug("CL")).email == "fresh@example.cl" != before


def test_an_expired_token_is_refused_on_a_read_that_needs_a_token(client, secretariat):
    token, raw = ApiToken.issue(user=secretariat, label="ledger", second_factor_verified=True)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/fund/ledger", headers=headers).status_code == 200
    _expire(token)
    response = client.get("/api/v1/fund/ledger", headers=headers)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_the_expiry_message_follows_accept_language(client, focal_cl):
    token, raw = ApiToken.issue(user=focal_cl, label="old script")
    _expire(token)
    response = client.patch(
        URL, data=json.dumps({"email": "x@example.cl"}), content_type="application/json",
        headers={"Authorization": f"Bearer {raw}", "Accept-Language": "es"})
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Este token caducó el ")


def test_the_account_page_shows_each_tokens_expiry_and_offers_shorter_lifetimes(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("accounts:create_token"), {"label": "quarterly", "days": "90"}, follow=True)
    token = ApiToken.objects.get(user=focal_cl)
    assert round((token.expires_at - token.created_at).total_seconds() / 86400) == 90
    page = client.get(reverse("accounts:profile")).content.decode()
    assert f"valid until {timezone.localdate(token.expires_at).isoformat()}" in page
    assert '<option value="30">30 days</option>' in page
    _expire(token)
    assert "expired" in client.get(reverse("accounts:profile")).content.decode()
    assert response.status_code == 200


def test_a_lifetime_not_offered_is_refused(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("accounts:create_token"), {"label": "forever", "days": "100000"}, follow=True)
    assert "The token was not created" in response.content.decode()
    assert not ApiToken.objects.filter(user=focal_cl).exists()
