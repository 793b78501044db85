"""SMTP refusals through a real SMTP server: 4xx waits and tries again later, 5xx is recorded, and a
refused address is disabled."""

import datetime

import pytest
from django.utils import timezone

from rial.newsletter import sending, services
from rial.newsletter.models import Bounce, Delivery, Issue, Subscriber
from rial.newsletter.tests.factories import draft_issue, subscriber
from rial.newsletter.tests.sink import SmtpSink

pytestmark = pytest.mark.django_db


@pytest.fixture
def sink(settings):
    with SmtpSink() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


def _sending(secretariat, *emails) -> Issue:
    for email in emails:
        subscriber(email)
    issue = draft_issue(secretariat)
    services.issue_send(issue=issue, user=secretariat, audience="all")  # the sender is started by hand below
    return issue


def _row(email) -> Delivery:
    return Delivery.objects.get(email=email)


def test_a_temporary_refusal_waits_with_back_off_then_the_message_goes_out(sink, secretariat, settings):
    settings.RIAL_NEWSLETTER_RETRY_SECONDS = 60
    sink.recorder.refuse["busy@example.org"] = "451 4.3.0 Mailbox busy, try later"
    issue = _sending(secretariat, "busy@example.org", "ok@example.org")
    before = timezone.now()
    outcome = sending.send_pending(issue.pk)
    busy = _row("busy@example.org")
    assert (busy.state, busy.attempts, busy.smtp_code) == (Delivery.State.PENDING, 1, 451)
    assert datetime.timedelta(seconds=59) < busy.next_attempt_at - before < datetime.timedelta(seconds=75)
    assert outcome.retry_at == busy.next_attempt_at
    assert sink.recorder.addresses() == ["ok@example.org"]
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENDING

    sending.send_pending(issue.pk)  # not due yet: nothing happens
    assert _row("busy@example.org").attempts == 1

    Delivery.objects.filter(pk=busy.pk).update(next_attempt_at=timezone.now())  # the minute has passed
    sending.send_pending(issue.pk)
    busy = _row("busy@example.org")
    assert (busy.state, busy.attempts) == (Delivery.State.PENDING, 2)
    assert busy.next_attempt_at - timezone.now() > datetime.timedelta(minutes=3)  # 4 minutes the second time

    del sink.recorder.refuse["busy@example.org"]
    Delivery.objects.filter(pk=busy.pk).update(next_attempt_at=timezone.now())
    assert sending.send_pending(issue.pk).finished
    assert sorted(sink.recorder.addresses()) == ["busy@example.org", "ok@example.org"]
    assert _row("busy@example.org").state == Delivery.State.SENT
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT


def test_it_gives_up_after_the_last_attempt(sink, secretariat, settings):
    settings.RIAL_NEWSLETTER_MAX_ATTEMPTS = 2
    sink.recorder.refuse["busy@example.org"] = "452 4.2.2 Over quota"
    issue = _sending(secretariat, "busy@example.org")
    for _attempt in range(2):
        Delivery.objects.update(next_attempt_at=timezone.now())
        sending.send_pending(issue.pk)
    busy = _row("busy@example.org")
    assert (busy.state, busy.attempts, busy.smtp_code) == (Delivery.State.FAILED, 2, 452)
    assert "Over quota" in busy.error
    assert Subscriber.objects.get(email="busy@example.org").state == Subscriber.State.CONFIRMED  # not a bounce
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT


def test_an_address_refused_for_good_is_recorded_and_disabled(sink, secretariat, django_capture_on_commit_callbacks):
    sink.recorder.refuse["gone@example.org"] = "550 5.1.1 No such user here"
    issue = _sending(secretariat, "gone@example.org", "ok@example.org")
    sending.send_pending(issue.pk)
    gone = _row("gone@example.org")
    assert (gone.state, gone.smtp_code) == (Delivery.State.FAILED, 550)
    bounce = Bounce.objects.get()
    assert (bounce.email, bounce.kind, bounce.origin, bounce.delivery) == (
        "gone@example.org", Bounce.Kind.HARD, Bounce.Origin.SMTP, gone)
    assert Subscriber.objects.get(email="gone@example.org").state == Subscriber.State.BOUNCED
    # The next issue is not sent to the disabled address.
    issue = draft_issue(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.issue_send(issue=issue, user=secretariat, audience="all") == 1


def test_a_message_refused_for_good_fails_without_disabling_the_address(sink, secretariat):
    sink.recorder.on_data = lambda number: "554 5.7.1 Message content rejected"
    issue = _sending(secretariat, "ok@example.org")
    sending.send_pending(issue.pk)
    row = _row("ok@example.org")
    assert (row.state, row.smtp_code) == (Delivery.State.FAILED, 554)
    assert not Bounce.objects.exists()
    assert Subscriber.objects.get(email="ok@example.org").state == Subscriber.State.CONFIRMED


def test_when_the_server_is_down_the_sender_stops_and_comes_back_later(settings, secretariat):
    down = SmtpSink()  # never started: nothing listens on its port
    for name, value in down.settings().items():
        setattr(settings, name, value)
    issue = _sending(secretariat, "a@example.org", "b@example.org", "c@example.org")
    outcome = sending.send_pending(issue.pk)
    rows = Delivery.objects.filter(issue=issue)
    assert set(rows.values_list("state", flat=True)) == {Delivery.State.PENDING}
    assert sorted(rows.values_list("attempts", flat=True)) == [0, 0, 0]  # the connection failed before any message
    assert outcome.retry_at > timezone.now() + datetime.timedelta(seconds=30)  # back off, do not hammer
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENDING
