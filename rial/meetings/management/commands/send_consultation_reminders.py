"""Remind the authorities that have not answered a consultation closing soon (run daily from cron)."""

from django.core.management.base import BaseCommand

from rial.meetings.tasks import remind_consultations


class Command(BaseCommand):
    help = "Queue the reminders to authorities that have not answered a consultation closing within three days."

    def handle(self, *args, **options):
        result = remind_consultations.enqueue()
        self.stdout.write(f"Queued the consultation reminders ({result.id}).")
