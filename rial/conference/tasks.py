"""Background work of the conference app (django-tasks)."""

from django.utils import timezone
from django_tasks import task

from rial.conference import notices, services


@task()
def send_due_reminders() -> int:
    """Remind the owners of every mandate due within 30 days, once per due date, and tell them once per
    due date when it has passed (an overdue mandate gets that notice rather than a "due on" reminder)."""
    today = timezone.localdate()
    reminded = sum(services.mandate_remind(mandate_id=pk) for pk in services.mandates_due_for_reminder(today)
                   .filter(due_date__gte=today).values_list("pk", flat=True))
    for mandate in notices.overdue_mandates(today):
        notices.mandate_overdue(mandate)
    return reminded
