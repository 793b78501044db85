from django.core.management.base import BaseCommand

from rial.search import index
from rial.search.sources import sources
from rial.search.text import RULES_VERSION


class Command(BaseCommand):
    help = "Rebuild the search index from every app's search.py, in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("--if-stale", action="store_true",
                            help="Only when the index was written with other term rules than the code's "
                                 "(see check_search_index).")

    def handle(self, *args, if_stale: bool = False, **options):
        if if_stale and not index.is_stale():
            self.stdout.write(f"the search index is current (term rules {RULES_VERSION})")
            return
        names = ", ".join(source.name for source in sources()) or "none"
        written = index.rebuild()
        self.stdout.write(f"indexed {written} records from: {names}")
