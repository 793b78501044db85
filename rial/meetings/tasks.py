"""Background work of the meetings app (django-tasks). The tasks live beside the service they run."""

from rial.meetings.services.consultation import close_consultation, close_due_consultations

__all__ = ["close_consultation", "close_due_consultations"]
