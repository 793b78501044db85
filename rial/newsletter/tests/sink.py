"""A real SMTP server for tests and the benchmark (aiosmtpd), recording what it accepts.

``refuse`` maps an address to the reply its RCPT TO gets (``"550 5.1.1 No such user"``, ``"451 4.3.0 Try
later"``); ``on_data`` is called with the number of the message about to be accepted and may return a
reply to refuse it instead (or act, e.g. kill the sender).
"""

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


@dataclass
class Received:
    recipients: list[str]
    message: Message | None


@dataclass
class Recorder:
    refuse: dict[str, str] = field(default_factory=dict)
    on_data: Callable[[int], str | None] | None = None
    received: list[Received] = field(default_factory=list)
    keep_messages: bool = True  # the benchmark counts 10,000 messages without keeping them

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        reply = self.refuse.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.on_data is not None:
            reply = self.on_data(len(self.received) + 1)
            if reply:
                return reply
        self.received.append(Received(recipients=[r.lower() for r in envelope.rcpt_tos],
                                      message=message_from_bytes(envelope.content) if self.keep_messages else None))
        return "250 Message accepted"

    def addresses(self) -> list[str]:
        return [address for item in self.received for address in item.recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """``with SmtpSink() as sink:`` a server on 127.0.0.1:``sink.port``; ``sink.recorder`` has what it got."""

    def __init__(self, recorder: Recorder | None = None, port: int | None = None):
        self.recorder = recorder or Recorder()
        self.port = port or free_port()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def settings(self) -> dict:
        return {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": self.port, "EMAIL_USE_TLS": False, "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": ""}


class AddressLog:
    """A handler for aiosmtpd's own command line (a server in its own process, as in the benchmark):
    ``python -m aiosmtpd -n -l 127.0.0.1:PORT -c rial.newsletter.tests.sink.AddressLog FILE`` appends the
    recipients of every accepted message to FILE, one per line."""

    def __init__(self, path: str):
        self.log = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the server's life

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.log.write("".join(f"{address.lower()}\n" for address in envelope.rcpt_tos))
        self.log.flush()
        return "250 Message accepted"
