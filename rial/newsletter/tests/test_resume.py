"""A sender that dies half-way and is started again: nobody gets the issue twice, nobody is lost.

Both tests go through a real SMTP server (aiosmtpd). The first makes the sender crash after N messages
in this process; the second runs the sender as a real process (`manage.py send_newsletters --here`) and
kills it with SIGKILL while a message is in flight, then resumes here.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.mail.backends.smtp import EmailBackend
from django.db import connection

from rial.newsletter import sending, services
from rial.newsletter.models import Delivery, Issue
from rial.newsletter.tests.factories import draft_issue, subscribers
from rial.newsletter.tests.sink import SmtpSink

ROOT = Path(django_settings.BASE_DIR)
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class PowerCut(Exception):
    pass


class CrashingBackend(EmailBackend):
    """A real SMTP connection whose process "dies" (raises) at message ``crash_at``, before or after the
    server accepted it."""

    def __init__(self, *, crash_at: int, after_accepting: bool, **kwargs):
        super().__init__(**kwargs)
        self.crash_at, self.after_accepting, self.count = crash_at, after_accepting, 0

    def send_messages(self, messages):
        self.count += 1
        if self.count == self.crash_at and not self.after_accepting:
            raise PowerCut
        sent = super().send_messages(messages)
        if self.count == self.crash_at:
            raise PowerCut
        return sent


@pytest.fixture
def sink(settings):
    with SmtpSink() as server:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        yield server


def _started(secretariat, count: int) -> Issue:
    addresses = [subscriber.email for subscriber in subscribers(count)]
    issue = draft_issue(secretariat)
    services.issue_send(issue=issue, user=secretariat, audience="all")
    assert Delivery.objects.filter(issue=issue).count() == len(addresses)
    return issue


def _states(issue) -> Counter:
    return Counter(Delivery.objects.filter(issue=issue).values_list("state", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("after_accepting", [False, True], ids=["before-the-server-accepted", "after-it-accepted"])
def test_a_crash_after_n_messages_then_resume_sends_the_rest_once(
        sink, settings, secretariat, after_accepting, django_capture_on_commit_callbacks):
    issue = _started(secretariat, 30)
    crashing = CrashingBackend(crash_at=11, after_accepting=after_accepting, host="127.0.0.1", port=sink.port)
    with pytest.raises(PowerCut):
        sending.send_pending(issue.pk, connection=crashing)
    assert len(sink.recorder.received) == (11 if after_accepting else 10)
    assert _states(issue) == {Delivery.State.SENT: 10, Delivery.State.SENDING: 1, Delivery.State.PENDING: 19}

    settings.RIAL_NEWSLETTER_STALE_SECONDS = 0  # the crashed sender's message is old enough to be called interrupted
    with django_capture_on_commit_callbacks(execute=True):
        assert services.issue_resume(issue=issue, user=secretariat) == 19
    assert _states(issue) == {Delivery.State.SENT: 29, Delivery.State.INTERRUPTED: 1}
    received = Counter(sink.recorder.addresses())
    assert max(received.values()) == 1  # nobody twice
    interrupted = Delivery.objects.get(issue=issue, state=Delivery.State.INTERRUPTED)
    assert (interrupted.email in received) is after_accepting  # the one that may have arrived is not re-sent
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT

    if not after_accepting:  # the editor sends it again: now everyone has it, once
        with django_capture_on_commit_callbacks(execute=True):
            assert services.issue_resend_interrupted(issue=issue, user=secretariat) == 1
        received = Counter(sink.recorder.addresses())
        assert len(received) == 30 and max(received.values()) == 1
        assert _states(issue) == {Delivery.State.SENT: 30}


def _database_url_for_a_subprocess(tmp_path: Path) -> str:
    """The test database as a second process can open it: PostgreSQL's test database itself, or for SQLite
    (in memory here) a file copy made with SQLite's backup API."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "db.sqlite3"
        target = sqlite3.connect(copy)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _take_back(database_url: str) -> None:
    """After the subprocess: for SQLite, copy its file back over the in-memory test database."""
    if connection.vendor == "sqlite":
        source = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        source.backup(connection.connection)
        source.close()


@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_with_sigkill_mid_message_resumes_without_duplicates_or_loss(sink, settings, secretariat,
                                                                                     tmp_path):
    settings.TASKS = QUEUED_ONLY  # sending starts in the subprocess below, not here
    issue = _started(secretariat, 40)
    database_url = _database_url_for_a_subprocess(tmp_path)
    sender: dict[str, subprocess.Popen] = {}

    def kill_at_the_sixteenth(number: int) -> str | None:
        if number == 16:  # message 16 is in flight: its DATA arrived, the server has not answered
            os.kill(sender["process"].pid, signal.SIGKILL)
            return "421 4.3.2 Shutting down"
        return None

    sink.recorder.on_data = kill_at_the_sixteenth
    env = {**os.environ, "DATABASE_URL": database_url, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port),
           "EMAIL_USE_TLS": "0", "RIAL_VAR_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    sender["process"] = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, str(ROOT / "manage.py"), "send_newsletters", "--here"], env=env, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = sender["process"].communicate(timeout=180)
    assert sender["process"].returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    _take_back(database_url)

    assert len(sink.recorder.received) == 15
    assert _states(issue) == {Delivery.State.SENT: 15, Delivery.State.SENDING: 1, Delivery.State.PENDING: 24}

    sink.recorder.on_data = None
    settings.TASKS = IMMEDIATE
    settings.RIAL_NEWSLETTER_STALE_SECONDS = 0
    assert services.issue_resume(issue=issue, user=secretariat) == 24
    assert _states(issue) == {Delivery.State.SENT: 39, Delivery.State.INTERRUPTED: 1}
    assert max(Counter(sink.recorder.addresses()).values()) == 1

    assert services.issue_resend_interrupted(issue=issue, user=secretariat) == 1
    received = Counter(sink.recorder.addresses())
    assert len(received) == 40 and set(received.values()) == {1}  # everyone, once
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT
