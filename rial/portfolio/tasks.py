"""Background work of the portfolio (django-tasks)."""

from django_tasks import task

from rial.portfolio import reminders


@task()
def send_review_reminders() -> int:
    """Scheduled daily (``manage.py portfolio_review_reminders`` from cron): sends each cycle's reminder once."""
    return reminders.send_review_reminders()
