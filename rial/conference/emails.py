"""The conference app's emails, one function per message, each written in its recipient's language."""

from rial.conference.models import Mandate
from rial.core.emails import Recipient, send_to_each


def send_due_reminder(*, mandate: Mandate, recipients: list[Recipient]) -> None:
    send_to_each(template="conference/email/due_reminder", recipients=recipients, context={"mandate": mandate})
