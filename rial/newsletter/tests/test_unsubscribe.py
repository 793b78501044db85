"""One-click unsubscribe (RFC 8058): a signed link per subscriber, no account, no CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from rial.newsletter import tokens
from rial.newsletter.models import Subscriber
from rial.newsletter.tests.factories import subscriber

pytestmark = pytest.mark.django_db


def _url(person: Subscriber, token: str | None = None) -> str:
    token = token or tokens.unsubscribe_token(subscriber_id=person.pk, email=person.email)
    return reverse("newsletter:unsubscribe", kwargs={"subscriber": person.pk, "token": token})


def test_opening_the_link_asks_and_changes_nothing(client):
    ana = subscriber("ana@example.org")
    response = client.get(_url(ana))
    assert response.status_code == 200
    assert "ana@example.org" in response.content.decode()
    assert Subscriber.objects.get(pk=ana.pk).state == Subscriber.State.CONFIRMED


def test_a_one_click_post_without_session_or_csrf_token_unsubscribes():
    ana = subscriber("ana@example.org")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(_url(ana), data="List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.state == Subscriber.State.UNSUBSCRIBED and ana.left_at is not None
    assert ana.history.first().history_change_reason == "newsletter.subscriber.unsubscribed"


def test_unsubscribing_twice_is_not_an_error():
    ana = subscriber("ana@example.org")
    strict = Client(enforce_csrf_checks=True)
    strict.post(_url(ana))
    left_at = Subscriber.objects.get(pk=ana.pk).left_at
    assert strict.post(_url(ana)).status_code == 200
    assert Subscriber.objects.get(pk=ana.pk).left_at == left_at


def test_a_token_made_for_someone_else_is_refused_and_changes_nothing(client):
    ana = subscriber("ana@example.org")
    bruno = subscriber("bruno@example.org")
    anas_token = tokens.unsubscribe_token(subscriber_id=ana.pk, email=ana.email)
    for method in (client.get, client.post):
        response = method(_url(bruno, token=anas_token))
        assert response.status_code == 400
        assert "This unsubscribe link is not valid. Nothing was changed." in response.content.decode()
    assert Subscriber.objects.get(pk=bruno.pk).state == Subscriber.State.CONFIRMED
    assert Subscriber.objects.get(pk=ana.pk).state == Subscriber.State.CONFIRMED


def test_a_link_for_an_address_that_changed_no_longer_works(client):
    ana = subscriber("ana@example.org")
    old_token = tokens.unsubscribe_token(subscriber_id=ana.pk, email="someone-else@example.org")
    assert client.post(_url(ana, token=old_token)).status_code == 400
    assert Subscriber.objects.get(pk=ana.pk).state == Subscriber.State.CONFIRMED
