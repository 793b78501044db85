"""Password reset by email, end to end."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-42"


def test_a_user_resets_the_password_through_the_emailed_link(client, focal_cl):
    response = client.post(reverse("accounts:password_reset"), {"email": focal_cl.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [focal_cl.email]
    link = re.search(r"https?://\S+/password/reset/\S+/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    login = client.post(reverse("accounts:login"), {"username": "focal-cl", "password": NEW_PASSWORD})
    assert login.status_code == 302
    # The link works once only.
    client.logout()
    assert not client.get("/" + path, follow=True).context["validlink"]


def test_an_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_weak_or_mismatched_new_password_is_refused_and_the_old_one_stays(client, focal_cl):
    client.post(reverse("accounts:password_reset"), {"email": focal_cl.email})
    link = re.search(r"https?://\S+/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get("/" + link.split("://", 1)[1].split("/", 1)[1], follow=True)
    set_url = form_page.redirect_chain[-1][0]
    for first, second in (("short", "short"), (NEW_PASSWORD, NEW_PASSWORD + "x")):
        response = client.post(set_url, {"new_password1": first, "new_password2": second})
        assert response.status_code == 200
        assert response.context["form"].errors
    focal_cl.refresh_from_db()
    assert focal_cl.check_password("a-good-test-password")


def test_a_malformed_address_gets_a_message(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


def test_the_email_is_in_the_recipients_language_whatever_the_page(client, focal_cl):
    focal_cl.preferred_language = "es"
    focal_cl.save()
    client.post(reverse("accounts:password_reset"), {"email": focal_cl.email})  # an English page
    message = mail.outbox[0]
    assert message.subject == "Elija una contraseña nueva para la plataforma de la RIAL"
    assert "Alguien pidió restablecer la contraseña" in message.body
    assert "/es/accounts/password/reset/" in message.body
