"""Enqueue the daily notification digests; run it once a day from cron (each notification is emailed once)."""

from django.core.management.base import BaseCommand

from rial.notifications.tasks import send_digests


class Command(BaseCommand):
    help = "Queue one digest email per person for every notification not yet emailed."

    def handle(self, *args, **options):
        result = send_digests.enqueue()
        self.stdout.write(f"queued notification digests ({result.id})")
