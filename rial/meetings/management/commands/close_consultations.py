"""Close every electronic consultation past its deadline (for cron, besides the scheduled task)."""

from django.core.management.base import BaseCommand

from rial.meetings.services.consultation import close_due_consultations


class Command(BaseCommand):
    help = "Close the electronic consultations whose deadline has passed and record their outcome."

    def handle(self, *args, **options):
        closed = close_due_consultations.call()
        self.stdout.write(f"{closed} consultation(s) closed")
