"""Queue the reminders of events beginning in the next two days (run daily from cron; idempotent)."""

from django.core.management.base import BaseCommand

from rial.events.tasks import due_reminders, send_reminder


class Command(BaseCommand):
    help = "Queue reminder emails (with the .ics) for confirmed registrations of events starting soon."

    def handle(self, *args, **options):
        due = due_reminders()
        for pk in due:
            send_reminder.enqueue(pk)
        self.stdout.write(f"{len(due)} reminder(s) queued")
