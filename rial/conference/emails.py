"""The conference app's emails, one function per message, each a subject/text template pair."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from rial.conference.models import Mandate


def send_due_reminder(*, mandate: Mandate, recipients: list[str]) -> None:
    context = {"mandate": mandate, "site_url": settings.SITE_URL}
    subject = render_to_string("conference/email/due_reminder_subject.txt", context).strip()
    body = render_to_string("conference/email/due_reminder.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
