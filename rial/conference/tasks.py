"""Background work of the conference app (django-tasks)."""

from django_tasks import task

from rial.conference import notices, services


@task()
def send_due_reminders() -> int:
    """Remind the owners of every mandate due within 30 days (or overdue), once per due date, and tell
    them once per due date when it has passed."""
    reminded = sum(services.mandate_remind(mandate_id=pk)
                   for pk in services.mandates_due_for_reminder().values_list("pk", flat=True))
    for mandate in notices.overdue_mandates():
        notices.mandate_overdue(mandate)
    return reminded
