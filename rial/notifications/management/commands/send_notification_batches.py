"""Enqueue the batched notifications (e.g. forum posts); run it every 10 minutes from cron (each address gets at most one batch an hour)."""

from django.core.management.base import BaseCommand

from rial.notifications.tasks import send_batches


class Command(BaseCommand):
    help = "Queue one email per person gathering batched notifications, at most one an hour."

    def handle(self, *args, **options):
        result = send_batches.enqueue()
        self.stdout.write(f"queued notification batches ({result.id})")
