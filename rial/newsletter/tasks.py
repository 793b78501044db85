"""The newsletter's background work (django-tasks): sending an issue, a test email, a confirmation link."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from rial.core.emails import Recipient, absolute_url, send_email
from rial.newsletter import rendering, sending, tokens
from rial.newsletter.models import Issue, Subscriber

logger = logging.getLogger("rial.newsletter")


@task()
def send_issue(issue_id: int) -> dict:
    """Send the issue's due deliveries; when some wait for a retry, come back when the first one is due.

    Backends that cannot defer a task (the immediate one of the tests) leave that to
    ``manage.py send_newsletters``, which cron runs every few minutes anyway to resume stopped senders.
    """
    outcome = sending.send_pending(issue_id)
    if outcome.retry_at is not None and send_issue.get_backend().supports_defer:
        send_issue.using(run_after=outcome.retry_at).enqueue(issue_id)
    return outcome.as_dict()


@task()
def send_test(issue_id: int, language: str, email: str, name: str = "") -> None:
    """The issue as a subscriber would get it, to the editor only, marked TEST; no delivery is recorded."""
    issue = Issue.objects.get(pk=issue_id)
    edition = rendering.edition(issue, language)
    recipient = Recipient(email=email, language=edition.language, name=name)
    with translation.override(edition.language):
        unsubscribe = absolute_url(reverse("newsletter:subscribe"))
    message = rendering.issue_message(edition=edition, recipient=recipient, unsubscribe=unsubscribe,
                                      headers=rendering.list_headers(unsubscribe=unsubscribe), is_test=True)
    message.send(fail_silently=False)


@task()
def send_confirmation(subscriber_id: int) -> bool:
    """The double opt-in email: a link that confirms the subscription (sent in the subscriber's language)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, state=Subscriber.State.PENDING).first()
    if subscriber is None or not subscriber.confirmation_nonce:
        return False
    token = tokens.confirmation_token(subscriber_id=subscriber.pk, nonce=subscriber.confirmation_nonce)
    with translation.override(subscriber.language):
        url = absolute_url(reverse("newsletter:confirm", kwargs={"token": token}))
    send_email(template="newsletter/email/confirm",
               recipient=Recipient(email=subscriber.email, language=subscriber.language, name=subscriber.name),
               context={"confirm_url": url, "days": settings.RIAL_NEWSLETTER_CONFIRM_DAYS})
    return True
