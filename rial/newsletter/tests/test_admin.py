"""The back office: the Secretariat sees issues, subscribers, deliveries and bounces; states are read-only."""

import pytest

from conftest import login
from rial.newsletter import services
from rial.newsletter.models import Delivery, Subscriber
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def test_the_secretariat_uses_the_back_office(secretariat_client, secretariat):
    reader = subscriber("reader@example.org")
    issue = draft_issue(secretariat)
    services.issue_send(issue=issue, user=secretariat, audience="all")
    delivery = Delivery.objects.get()
    for url in ("/admin/newsletter/issue/", f"/admin/newsletter/issue/{issue.pk}/change/",
                f"/admin/newsletter/issue/{issue.pk}/history/", "/admin/newsletter/subscriber/",
                f"/admin/newsletter/subscriber/{reader.pk}/change/", "/admin/newsletter/delivery/",
                f"/admin/newsletter/delivery/{delivery.pk}/change/", "/admin/newsletter/bounce/"):
        assert secretariat_client.get(url).status_code == 200, url


def test_states_cannot_be_edited_in_the_admin(secretariat_client):
    reader = subscriber("reader@example.org")
    page = secretariat_client.get(f"/admin/newsletter/subscriber/{reader.pk}/change/").content.decode()
    assert 'name="state"' not in page
    secretariat_client.post(f"/admin/newsletter/subscriber/{reader.pk}/change/",
                            {"email": "reader@example.org", "name": "", "language": "en", "state": "bounced"})
    assert Subscriber.objects.get(pk=reader.pk).state == Subscriber.State.CONFIRMED
    assert secretariat_client.get("/admin/newsletter/subscriber/add/").status_code == 403
    assert secretariat_client.get("/admin/newsletter/delivery/add/").status_code == 403


def test_the_unsubscribe_action_goes_through_the_service(secretariat_client):
    reader = subscriber("reader@example.org")
    secretariat_client.post("/admin/newsletter/subscriber/", {"action": "unsubscribe_selected",
                                                              "_selected_action": [reader.pk]})
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.UNSUBSCRIBED
    assert reader.history.first().history_change_reason == "newsletter.subscriber.unsubscribed_by_secretariat"


def test_a_focal_point_has_no_back_office(client, focal_cl):
    login(client, focal_cl)
    for url in ("/admin/newsletter/issue/", "/admin/newsletter/subscriber/", "/admin/newsletter/delivery/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
