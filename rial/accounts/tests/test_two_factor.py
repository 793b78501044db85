"""Secretariat accounts must pass a TOTP code; the codes are real RFC 6238 codes (django_otp.oath)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position

pytestmark = pytest.mark.django_db

PASSWORD = "a-good-test-password"


def _code(device: TOTPDevice, shift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0 - shift * device.step, digits=device.digits):06d}"


def _log_in_with_password(client, username: str):
    assert client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD}).status_code == 302


@pytest.fixture
def new_secretariat_officer(db):
    """A Secretariat account that has not set up its second factor yet."""
    return user_with_position("new-officer", Institution.objects.get(slug="oas-technical-secretariat"))


def test_a_secretariat_account_without_a_device_is_sent_to_set_one_up(client, new_secretariat_officer):
    _log_in_with_password(client, "new-officer")
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_setting_up_the_device_with_a_real_code_turns_on_the_second_factor(client, new_secretariat_officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp delays the try after a wrong code; tested below
    _log_in_with_password(client, "new-officer")
    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.content.decode()  # the QR code, drawn locally
    device = TOTPDevice.objects.get(user=new_secretariat_officer)
    assert not device.confirmed
    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": "000000" if _code(device) != "000000" else "111111"})
    assert "This code is not valid" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    response = client.post(reverse("accounts:two_factor_setup"), {"code": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_secretariat_login_asks_for_the_code_then_lets_the_officer_in(client, secretariat):
    device = TOTPDevice.objects.get(user=secretariat)
    _log_in_with_password(client, "secretariat")
    response = client.get(reverse("core:history", args=["directory", "country", 1]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert client.post(reverse("accounts:two_factor_verify"), {"code": "12345"}).status_code == 200  # too short
    assert client.get(reverse("accounts:profile")).status_code == 302
    verified = client.post(reverse("accounts:two_factor_verify") + "?next=/en/countries/",
                           {"code": _code(device), "next": "/en/countries/"})
    assert verified["Location"] == "/en/countries/"
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_code_cannot_be_used_twice(client, secretariat):
    device = TOTPDevice.objects.get(user=secretariat)
    code = _code(device)
    _log_in_with_password(client, "secretariat")
    client.post(reverse("accounts:two_factor_verify"), {"code": code})
    client.logout()
    _log_in_with_password(client, "secretariat")
    response = client.post(reverse("accounts:two_factor_verify"), {"code": code})
    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()


def test_the_verify_page_does_not_redirect_off_site(client, secretariat):
    device = TOTPDevice.objects.get(user=secretariat)
    _log_in_with_password(client, "secretariat")
    response = client.post(reverse("accounts:two_factor_verify"), {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("portal:desk")


def test_other_roles_are_not_asked_for_a_second_factor(client, focal_cl):
    _log_in_with_password(client, "focal-cl")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_right_code_straight_after_a_wrong_one_is_throttled(client, secretariat):
    device = TOTPDevice.objects.get(user=secretariat)
    _log_in_with_password(client, "secretariat")
    client.post(reverse("accounts:two_factor_verify"), {"code": "000000" if _code(device) != "000000" else "111111"})
    response = client.post(reverse("accounts:two_factor_verify"), {"code": _code(device)})
    assert response.status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 302
