"""Queue report reminders for activities whose reports are due within a week or overdue (run daily)."""

from django.core.management.base import BaseCommand

from rial.cooperation.services import missing_reports
from rial.cooperation.tasks import send_report_reminder


class Command(BaseCommand):
    help = "Queue email reminders to party ministries whose cooperation activity report is due or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--within-days", type=int, default=7)

    def handle(self, *args, within_days: int = 7, **options):
        count = 0
        for activity, institution_id in missing_reports(within_days=within_days):
            send_report_reminder.enqueue(activity.pk, institution_id)
            count += 1
        self.stdout.write(f"{count} reminder(s) queued")
