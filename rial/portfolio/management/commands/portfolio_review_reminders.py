"""Enqueue the 12-month review reminders; run it daily from cron (it sends each reminder once)."""

from django.core.management.base import BaseCommand

from rial.portfolio.tasks import send_review_reminders


class Command(BaseCommand):
    help = "Queue the reminder to focal points of programs not reviewed for twelve months."

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        self.stdout.write(f"queued review reminders ({result.id})")
