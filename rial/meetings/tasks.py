"""Background work of the meetings app (django-tasks). The tasks live beside the service they run."""

from django_tasks import task

from rial.meetings import notices
from rial.meetings.services.consultation import close_consultation, close_due_consultations

__all__ = ["close_consultation", "close_due_consultations", "remind_consultations"]


@task()
def remind_consultations() -> int:
    """Remind the silent authorities of every consultation closing within three days (once each)."""
    return sum(notices.consultation_reminder(consultation) for consultation in notices.consultations_to_remind())
