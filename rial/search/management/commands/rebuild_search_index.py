from django.core.management.base import BaseCommand

from rial.search import index
from rial.search.sources import sources


class Command(BaseCommand):
    help = "Rebuild the search index from every app's search.py, in one transaction."

    def handle(self, *args, **options):
        names = ", ".join(source.name for source in sources()) or "none"
        written = index.rebuild()
        self.stdout.write(f"indexed {written} records from: {names}")
