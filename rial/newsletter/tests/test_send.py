"""Sending an issue: one delivery per confirmed subscriber of the audience, each in their language, once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import login
from rial.newsletter import services
from rial.newsletter.models import Delivery, Issue, Subscriber
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def _send(issue, user, callbacks, audience="all", expected=None) -> int:
    with callbacks(execute=True):
        return services.issue_send(issue=issue, user=user, audience=audience, expected=expected)


def test_each_confirmed_subscriber_gets_the_issue_once_in_their_language(
        secretariat, mailoutbox, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://rial.example.org"
    subscriber("en@example.org", "en")
    subscriber("es@example.org", "es")
    subscriber("pt@example.org", "pt")  # no Portuguese edition: the English one
    subscriber("pending@example.org", state=Subscriber.State.PENDING)
    subscriber("left@example.org", state=Subscriber.State.UNSUBSCRIBED)
    issue = draft_issue(secretariat)
    assert _send(issue, secretariat, django_capture_on_commit_callbacks) == 3
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == ["en@example.org", "es@example.org", "pt@example.org"]
    assert by_address["es@example.org"].subject == f"Boletín de la RIAL n.º {issue.number}: Noticias laborales"
    assert by_address["pt@example.org"].subject == f"RIAL newsletter No. {issue.number}: Labor news"
    assert "Un ministerio abre una oficina" in by_address["es@example.org"].body
    headers = by_address["en@example.org"].extra_headers
    assert headers["List-Unsubscribe"].startswith("<https://rial.example.org/en/newsletter/unsubscribe/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Message-ID"].startswith(f"<newsletter.{issue.pk}.")
    issue.refresh_from_db()
    assert issue.state == Issue.State.SENT and issue.recipients_count == 3 and issue.finished_at
    assert set(issue.deliveries.values_list("state", flat=True)) == {Delivery.State.SENT}
    assert list(issue.history.values_list("history_change_reason", flat=True)[:2]) == [
        "newsletter.issue.finished", "newsletter.issue.sending"]


def test_sending_an_issue_twice_is_refused_and_changes_nothing(secretariat, mailoutbox,
                                                               django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    _send(issue, secretariat, django_capture_on_commit_callbacks)
    subscriber("late@example.org")
    with pytest.raises(ValidationError) as refusal:
        _send(issue, secretariat, django_capture_on_commit_callbacks)
    assert "“send” is not possible when the status is “Sent”" in refusal.value.messages[0]
    assert len(mailoutbox) == 1
    assert Delivery.objects.filter(issue=issue).count() == 1


def test_the_send_button_twice_shows_the_refusal_on_the_page(secretariat_client, secretariat, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    url = reverse("newsletter:send", kwargs={"number": issue.number})
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(url, {"audience": "all", "expected": 1})
        response = secretariat_client.post(url, {"audience": "all", "expected": 1}, follow=True)
    assert "is not possible when the status is" in response.content.decode()
    assert len(mailoutbox) == 1


def test_nothing_is_sent_when_the_list_changed_since_the_preview(secretariat, mailoutbox,
                                                                 django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    subscriber("es@example.org", "es")
    issue = draft_issue(secretariat)
    with pytest.raises(ValidationError, match="changed since you looked at it"):
        _send(issue, secretariat, django_capture_on_commit_callbacks, expected=1)
    issue.refresh_from_db()
    assert issue.state == Issue.State.DRAFT and not issue.deliveries.exists() and mailoutbox == []


def test_a_segment_narrows_the_confirmed_subscribers_to_a_group(secretariat, focal_cl, member_co, mailoutbox,
                                                                django_capture_on_commit_callbacks):
    subscriber(focal_cl.email)
    subscriber(member_co.email)  # an official, not a focal point
    subscriber("reader@example.org")
    issue = draft_issue(secretariat)
    assert _send(issue, secretariat, django_capture_on_commit_callbacks, audience="focal_points") == 1
    assert [message.to for message in mailoutbox] == [[focal_cl.email]]
    issue.refresh_from_db()
    assert issue.audience_label == "Focal points of the ministries"


@pytest.mark.parametrize("audience", ["nobody", "country:", "country:abc", "focal_points:3", ""])
def test_an_unknown_audience_is_refused(secretariat, audience, django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    with pytest.raises(ValidationError, match="Choose an audience from the list"):
        _send(issue, secretariat, django_capture_on_commit_callbacks, audience=audience)
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.DRAFT


def test_an_issue_without_items_is_not_sent(secretariat, django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    issue.items.all().delete()
    with pytest.raises(ValidationError, match="Add at least one item"):
        _send(issue, secretariat, django_capture_on_commit_callbacks)


def test_nobody_but_the_secretariat_sends(client, focal_cl, secretariat, mailoutbox,
                                          django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    login(client, focal_cl)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter:send", kwargs={"number": issue.number}),
                               {"audience": "all", "expected": 1})
    assert response.status_code == 403
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.DRAFT and mailoutbox == []


def test_the_send_page_previews_the_count_and_the_first_recipients(secretariat_client, secretariat):
    for number in range(25):
        subscriber(f"reader{number:02d}@example.org")
    issue = draft_issue(secretariat)
    response = secretariat_client.get(reverse("newsletter:send", kwargs={"number": issue.number}), {"audience": "all"})
    page = response.content.decode()
    assert "All subscribers: 25 confirmed subscribers." in page
    assert "reader00@example.org" in page and "reader19@example.org" in page and "reader20@example.org" not in page
    assert f"Send issue No. {issue.number} to 25 recipients" in page


def test_a_test_email_goes_to_the_editor_only_marked_test(secretariat_client, secretariat, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    subscriber("en@example.org")
    issue = draft_issue(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(reverse("newsletter:test", kwargs={"number": issue.number}), {"language": "es"})
    assert [message.to for message in mailoutbox] == [[secretariat.email]]
    assert mailoutbox[0].subject.startswith("[PRUEBA] Boletín de la RIAL")
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.DRAFT and not Delivery.objects.exists()
