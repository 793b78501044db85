"""One way to write to a person: a subject/text/HTML template triple rendered in the recipient's language.

Each message is a template prefix, e.g. ``portfolio/email/program_returned``: ``…_subject.txt`` (one
line), ``….txt`` (the plain-text body) and, optionally, ``….html``. Templates get ``recipient``,
``site_url`` and the caller's context; links in them are absolute (:func:`absolute_url`). Who receives
what is decided by the caller; ``rial.directory.recipients`` builds :class:`Recipient` values with the
right language for people, users and focal points.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from rial.core.languages import supported


@dataclass(frozen=True)
class Recipient:
    """An address and the language to write to it in."""

    email: str
    language: str = settings.LANGUAGE_CODE
    name: str = ""
    user_id: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "language", supported(self.language) or settings.LANGUAGE_CODE)


def absolute_url(path: str) -> str:
    """``/en/programs/3/`` → ``https://rial.example.org/en/programs/3/`` (``SITE_URL``)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def email_texts(*, template: str, recipient: Recipient, context: dict | None = None) -> tuple[str, str]:
    """The subject (one line) and plain text of ``template`` for ``recipient``, in the recipient's language;
    for a message stored first and sent later (notifications) as for one sent now (``render_email``)."""
    context = {**(context or {}), "recipient": recipient, "site_url": settings.SITE_URL.rstrip("/")}
    with translation.override(recipient.language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        return subject, render_to_string(f"{template}.txt", context)


def render_email(*, template: str, recipient: Recipient, context: dict | None = None,
                 attachments: Iterable[tuple[str, bytes | str, str]] = (),
                 headers: dict[str, str] | None = None) -> EmailMultiAlternatives:
    """The message ``template`` for ``recipient``, rendered in the recipient's language (not sent)."""
    subject, text = email_texts(template=template, recipient=recipient, context=context)
    context = {**(context or {}), "recipient": recipient, "site_url": settings.SITE_URL.rstrip("/")}
    with translation.override(recipient.language):
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient.email],
                                     headers=headers or {})
    if html is not None:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send_email(*, template: str, recipient: Recipient, context: dict | None = None,
               attachments: Iterable[tuple[str, bytes | str, str]] = (), headers: dict[str, str] | None = None,
               connection=None) -> None:
    """Render and send one message (a task sending many passes one open ``connection``)."""
    message = render_email(template=template, recipient=recipient, context=context, attachments=attachments,
                           headers=headers)
    message.connection = connection
    message.send(fail_silently=False)


def send_to_each(*, template: str, recipients: Iterable[Recipient], context: dict | None = None) -> int:
    """One message per recipient, each in their own language, over one connection; returns how many."""
    messages = [render_email(template=template, recipient=recipient, context=context) for recipient in recipients]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
