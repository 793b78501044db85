"""Run from cron every few minutes: resume every issue that is being sent (after a crash, or when
temporary failures are due again). Rows left mid-message by a dead sender become "interrupted"."""

from django.core.management.base import BaseCommand

from rial.newsletter import sending
from rial.newsletter.models import Issue
from rial.newsletter.tasks import send_issue


class Command(BaseCommand):
    help = "Resume sending every newsletter issue that is being sent (queue the sender, or send here)."

    def add_arguments(self, parser):
        parser.add_argument("--here", action="store_true",
                            help="Send in this process instead of queuing the work for the task worker.")

    def handle(self, *args, here: bool = False, **options):
        for issue in Issue.objects.filter(state=Issue.State.SENDING).order_by("number"):
            if here:
                outcome = sending.send_pending(issue.pk)
                self.stdout.write(f"issue {issue.number}: {outcome.as_dict()}")
            else:
                send_issue.enqueue(issue.pk)
                self.stdout.write(f"issue {issue.number}: sender queued")
