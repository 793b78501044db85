"""Double opt-in, first step: asking for the newsletter sends one confirmation link and changes nothing else."""

import pytest
from django.urls import reverse

from rial.newsletter.models import Subscriber
from rial.newsletter.tests.factories import subscriber

pytestmark = pytest.mark.django_db
URL = reverse("newsletter:subscribe")


def test_it_creates_a_pending_subscriber_and_emails_a_confirmation_link_in_their_language(
        client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": " Ana@Example.ORG ", "name": "Ana", "language": "es"})
    assert response.status_code == 200
    assert "ana@example.org" in response.content.decode()
    person = Subscriber.objects.get()
    assert (person.email, person.state, person.language) == ("ana@example.org", Subscriber.State.PENDING, "es")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject == "Confirme su suscripción al boletín de la RIAL"
    assert "/es/newsletter/confirm/" in message.body


@pytest.mark.parametrize("address", ["not an address", "ana@", "@example.org", "ana@example", "a" * 300 + "@x.org"])
def test_an_invalid_address_gets_a_clear_message_and_changes_nothing(client, mailoutbox, address,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": address, "language": "en"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert "class=\"errorlist\"" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_a_second_request_soon_after_sends_no_second_link(client, mailoutbox, django_capture_on_commit_callbacks):
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(URL, {"email": "ana@example.org", "language": "en"})
    assert len(mailoutbox) == 1
    assert Subscriber.objects.count() == 1


def test_a_confirmed_subscriber_asking_again_is_left_alone_and_the_page_says_the_same(
        client, mailoutbox, django_capture_on_commit_callbacks):
    kept = subscriber("ana@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": "ana@example.org", "language": "fr"})
    assert "ana@example.org" in response.content.decode()  # no hint that the address was known
    kept.refresh_from_db()
    assert (kept.state, kept.language) == (Subscriber.State.CONFIRMED, "en")
    assert mailoutbox == []


def test_someone_who_unsubscribed_may_subscribe_again_with_a_new_link(client, mailoutbox,
                                                                        django_capture_on_commit_callbacks):
    subscriber("ana@example.org", state=Subscriber.State.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"email": "ana@example.org", "language": "pt"})
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
    assert mailoutbox[0].subject == "Confirme sua inscrição no boletim da RIAL"
