"""Queue the due-date reminders of mandates; run it daily (cron or a scheduler)."""

from django.core.management.base import BaseCommand

from rial.conference.tasks import send_due_reminders


class Command(BaseCommand):
    help = "Queue the due-date reminders of mandates (each mandate is reminded once per due date)."

    def handle(self, *args, **options):
        result = send_due_reminders.enqueue()
        self.stdout.write(f"Queued the mandate reminders ({result.id}).")
