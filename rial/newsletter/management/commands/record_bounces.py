"""Read bounce reports (DSNs) from the Maildir where the envelope sender's mail arrives; disable the
addresses that failed permanently. Run from cron; reading the same mailbox twice records nothing twice."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rial.newsletter.bounces import read_maildir


class Command(BaseCommand):
    help = "Record the bounces reported in the new messages of a Maildir (and file those messages as read)."

    def add_arguments(self, parser):
        parser.add_argument("maildir", type=Path, help="A Maildir folder (with cur/, new/ and tmp/).")

    def handle(self, *args, maildir: Path, **options):
        if not (maildir / "new").is_dir() or not (maildir / "cur").is_dir():
            raise CommandError(f"{maildir} is not a Maildir folder (it needs cur/, new/ and tmp/).")
        reading = read_maildir(maildir)
        self.stdout.write(f"{reading.messages} new message(s), {reading.reports} bounce report(s), "
                          f"{reading.bounces} bounce(s) recorded")
