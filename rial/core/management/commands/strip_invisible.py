"""Strip bidirectional controls and zero-width characters from the single-line text already stored."""

from django.apps import apps
from django.core.management.base import BaseCommand

from rial.core.text import clean_stored, rial_models


class Command(BaseCommand):
    help = "Strip bidirectional controls and zero-width characters from names and titles already stored."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count the rows, change nothing")

    def handle(self, *args, dry_run=False, **options):
        counts = clean_stored(rial_models(apps), dry_run=dry_run)
        for label, count in sorted(counts.items()):
            self.stdout.write(f"{label}: {count}")
        verb = "would be cleaned" if dry_run else "cleaned"
        self.stdout.write(f"{sum(counts.values())} rows {verb}.")
