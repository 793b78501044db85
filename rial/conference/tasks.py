"""Background work of the conference app (django-tasks)."""

from django_tasks import task

from rial.conference import services


@task()
def send_due_reminders() -> int:
    """Remind the owners of every mandate due within 30 days (or overdue), once per due date."""
    return sum(services.mandate_remind(mandate_id=pk)
               for pk in services.mandates_due_for_reminder().values_list("pk", flat=True))
