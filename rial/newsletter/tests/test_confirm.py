"""Double opt-in, second step: a confirmation link works once, while it is the latest and not expired."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from rial.newsletter import services, tokens
from rial.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def _link(subscriber: Subscriber) -> str:
    token = tokens.confirmation_token(subscriber_id=subscriber.pk, nonce=subscriber.confirmation_nonce)
    return reverse("newsletter:confirm", kwargs={"token": token})


def _pending(email="ana@example.org") -> Subscriber:
    return services.subscribe(email=email, language="en")


def _state(subscriber) -> str:
    return Subscriber.objects.get(pk=subscriber.pk).state


def test_opening_the_link_changes_nothing_and_pressing_the_button_confirms(client):
    subscriber = _pending()
    url = _link(subscriber)
    page = client.get(url)
    assert page.status_code == 200 and "Confirm my subscription" in page.content.decode()
    assert _state(subscriber) == Subscriber.State.PENDING
    response = client.post(url, follow=True)
    assert "Your subscription is confirmed" in response.content.decode()
    assert _state(subscriber) == Subscriber.State.CONFIRMED


def test_a_replayed_link_gets_a_clear_message_and_changes_nothing(client):
    subscriber = _pending()
    url = _link(subscriber)
    client.post(url)
    before = Subscriber.objects.get(pk=subscriber.pk)
    response = client.post(url)
    assert response.status_code == 400
    assert "This subscription is already confirmed. Nothing was changed." in response.content.decode()
    after = Subscriber.objects.get(pk=subscriber.pk)
    assert (after.state, after.confirmed_at) == (before.state, before.confirmed_at)


def test_a_link_used_after_unsubscribing_does_not_subscribe_again(client):
    subscriber = _pending()
    url = _link(subscriber)
    client.post(url)
    services.unsubscribe(subscriber_id=subscriber.pk,
                         token=tokens.unsubscribe_token(subscriber_id=subscriber.pk, email=subscriber.email))
    response = client.post(url)
    assert response.status_code == 400
    assert "already used or replaced by a newer one" in response.content.decode()
    assert _state(subscriber) == Subscriber.State.UNSUBSCRIBED


def test_an_older_link_stops_working_when_a_new_one_is_sent(client, settings):
    subscriber = _pending()
    old = _link(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=None)  # past the resend interval
    services.subscribe(email="ana@example.org", language="en")
    assert client.post(old).status_code == 400
    assert _state(subscriber) == Subscriber.State.PENDING
    assert client.post(_link(Subscriber.objects.get(pk=subscriber.pk))).status_code == 302


def test_an_expired_link_gets_a_clear_message_and_changes_nothing(client, settings, monkeypatch):
    settings.RIAL_NEWSLETTER_CONFIRM_DAYS = 7
    subscriber = _pending()
    eight_days_ago = time.time() - 8 * 24 * 60 * 60
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    url = _link(subscriber)
    monkeypatch.undo()
    response = client.post(url)
    assert response.status_code == 400
    assert "This confirmation link has expired. Subscribe again to receive a new link." in response.content.decode()
    assert _state(subscriber) == Subscriber.State.PENDING


@pytest.mark.parametrize("token", ["nonsense", "eyJzIjoxLCJuIjoiYSJ9:1abc:forged"])
def test_a_forged_link_is_refused(client, token):
    subscriber = _pending()
    response = client.post(reverse("newsletter:confirm", kwargs={"token": token}))
    assert response.status_code == 400
    assert "This confirmation link is not valid. Nothing was changed." in response.content.decode()
    assert _state(subscriber) == Subscriber.State.PENDING


def test_the_refusal_is_in_the_language_of_the_page(client):
    _pending()
    response = client.post(reverse("newsletter:confirm", kwargs={"token": "nonsense"}).replace("/en/", "/es/"))
    assert "Este enlace de confirmación no es válido. No se cambió nada." in response.content.decode()
