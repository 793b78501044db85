"""Background work of the events app: registration emails and reminders (django-tasks)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from rial.core.emails import Recipient, send_email
from rial.events.calendar import registration_ics
from rial.events.models import Registration

REMINDER_DAYS = 2


def _send(registration: Registration, occasion: str, once: str = "") -> None:
    recipient = Recipient(email=registration.email, language=registration.language, name=registration.full_name)
    send_email(template="events/email/registration", recipient=recipient,
               context={"registration": registration, "event": registration.event,
                        "meeting": registration.event.meeting, "occasion": occasion},
               attachments=[("event.ics", registration_ics(registration), "text/calendar")], once=once)


@task(takes_context=True)
def send_registration_email(context, registration_id: int, occasion: str) -> None:
    """What changed for the registrant (registered, confirmed, moved up), in their language, with the .ics.

    Sent once per enqueued task: a run again after the worker died mid-task sends nothing the first sent.
    """
    registration = Registration.objects.select_related("event__meeting__country").filter(pk=registration_id).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        _send(registration, occasion, once=f"events.registration:{context.task_result.id}")


@task()
def send_reminder(registration_id: int) -> None:
    """The reminder a few days before; sent once even if the task runs twice."""
    with transaction.atomic():
        registration = (Registration.objects.select_for_update(of=("self",)).select_related("event__meeting__country")
                        .filter(pk=registration_id, status=Registration.Status.CONFIRMED,
                                reminder_sent_at__isnull=True).first())
        if registration is None:
            return
        _send(registration, "reminder")
        registration.reminder_sent_at = timezone.now()
        registration.save(update_fields=["reminder_sent_at"])


def due_reminders(today: datetime.date | None = None) -> list[int]:
    """Confirmed registrations of events beginning within REMINDER_DAYS that have had no reminder."""
    today = today or timezone.localdate()
    return list(Registration.objects.filter(
        status=Registration.Status.CONFIRMED, reminder_sent_at__isnull=True,
        event__meeting__start_date__gte=today,
        event__meeting__start_date__lte=today + datetime.timedelta(days=REMINDER_DAYS),
    ).values_list("pk", flat=True))
