"""A person chooses the language of the emails they receive."""

import pytest
from django.urls import reverse

from conftest import login

pytestmark = pytest.mark.django_db


def test_a_user_chooses_the_language_of_their_emails(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("accounts:preferred_language"), {"preferred_language": "pt"}, follow=True)
    assert "Your emails will be in the language you chose." in response.content.decode()
    focal_cl.refresh_from_db()
    assert focal_cl.preferred_language == "pt"


def test_an_unknown_language_is_refused_and_nothing_changes(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("accounts:preferred_language"), {"preferred_language": "xx"}, follow=True)
    assert "Nothing was saved: choose one of the listed languages." in response.content.decode()
    focal_cl.refresh_from_db()
    assert focal_cl.preferred_language == "en"


def test_the_public_cannot_set_a_language(client):
    assert client.post(reverse("accounts:preferred_language"), {"preferred_language": "es"}).status_code == 302


def test_a_new_account_has_not_chosen_and_is_written_to_in_its_countrys_language(client, focal_cl):
    # The field's default was "en", so every account read as having chosen English and the country's
    # language (the rule of rial.directory.recipients) never applied: Chile's focal point got English.
    from django.contrib.auth import get_user_model

    from rial.directory.recipients import recipient_for_user

    assert get_user_model().objects.create_user("someone-new").preferred_language == ""
    login(client, focal_cl)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert '<option value="">The language of my country</option>' in page
    client.post(reverse("accounts:preferred_language"), {"preferred_language": ""})
    focal_cl.refresh_from_db()
    assert focal_cl.preferred_language == "" and recipient_for_user(focal_cl).language == "es"
