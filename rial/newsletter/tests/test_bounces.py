"""Bounce reports (RFC 3464 DSNs) read from a Maildir: a permanent failure disables the address."""

import mailbox
from email.mime.text import MIMEText
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rial.newsletter import services
from rial.newsletter.models import Bounce, Delivery, Subscriber
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def dsn(recipient: str, *, action="failed", status="5.1.1", message_id="<dsn-1@mx.example.net>",
        original_id="") -> bytes:
    """A delivery status notification as a mail server writes it (RFC 3464)."""
    original = (f"--BOUNDARY\nContent-Type: text/rfc822-headers\n\nFrom: RIAL <no-reply@rial.localhost>\n"
                f"To: {recipient}\nMessage-ID: {original_id}\n\n") if original_id else ""
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: no-reply@rial.localhost\n"
        f"Subject: Undelivered Mail Returned to Sender\nMessage-ID: {message_id}\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"\n\n'
        "--BOUNDARY\nContent-Type: text/plain\n\nThis is the mail system. Your message could not be delivered.\n\n"
        "--BOUNDARY\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
        f"Final-Recipient: rfc822; {recipient}\nAction: {action}\nStatus: {status}\n"
        f"Diagnostic-Code: smtp; 550 {status} User unknown\n\n"
        f"{original}--BOUNDARY--\n").encode()


@pytest.fixture
def maildir(tmp_path):
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    return box


def _run(path) -> str:
    out = StringIO()
    call_command("record_bounces", str(path), stdout=out)
    return out.getvalue()


def test_a_permanent_failure_disables_the_subscriber_and_reading_again_records_nothing_twice(maildir, secretariat):
    gone = subscriber("Gone@Example.org")
    maildir.add(dsn("gone@example.org"))
    maildir.add(MIMEText("Out of office until Monday."))  # not a bounce report
    assert _run(maildir._path) == "2 new message(s), 1 bounce report(s), 1 bounce(s) recorded\n"
    gone.refresh_from_db()
    assert gone.state == Subscriber.State.BOUNCED and gone.left_at
    assert gone.history.first().history_change_reason == "newsletter.subscriber.disabled"
    bounce = Bounce.objects.get()
    assert (bounce.kind, bounce.origin, bounce.status, bounce.subscriber) == (
        Bounce.Kind.HARD, Bounce.Origin.DSN, "5.1.1", gone)
    assert "User unknown" in bounce.diagnostic
    assert _run(maildir._path) == "0 new message(s), 0 bounce report(s), 0 bounce(s) recorded\n"
    for key in maildir.iterkeys():  # the messages were filed as read
        assert maildir.get_message(key).get_subdir() == "cur" and "S" in maildir.get_message(key).get_flags()


def test_the_same_report_delivered_twice_is_recorded_once(maildir):
    subscriber("gone@example.org")
    maildir.add(dsn("gone@example.org"))
    maildir.add(dsn("gone@example.org"))
    assert "1 bounce(s) recorded" in _run(maildir._path)


def test_a_temporary_failure_or_a_delay_is_recorded_without_disabling(maildir):
    kept = subscriber("full@example.org")
    maildir.add(dsn("full@example.org", status="4.2.2", message_id="<a@mx>"))
    maildir.add(dsn("full@example.org", action="delayed", status="4.4.7", message_id="<b@mx>"))
    _run(maildir._path)
    assert list(Bounce.objects.values_list("kind", flat=True)) == [Bounce.Kind.SOFT, Bounce.Kind.SOFT]
    assert Subscriber.objects.get(pk=kept.pk).state == Subscriber.State.CONFIRMED


def test_the_report_points_back_to_the_delivery_it_is_about(maildir, secretariat):
    subscriber("gone@example.org")
    issue = draft_issue(secretariat)
    services.issue_send(issue=issue, user=secretariat, audience="all")
    delivery = Delivery.objects.get()
    maildir.add(dsn("gone@example.org", original_id=f"<newsletter.{issue.pk}.{delivery.pk}@127.0.0.1>"))
    _run(maildir._path)
    assert Bounce.objects.get().delivery == delivery


def test_a_folder_that_is_not_a_maildir_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is not a Maildir folder"):
        _run(tmp_path)
