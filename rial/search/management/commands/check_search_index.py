from django.core.management.base import BaseCommand, CommandError

from rial.search import index
from rial.search.text import RULES_VERSION


class Command(BaseCommand):
    help = ("Say whether the search index was written with the code's term rules (stemming, spellings); exit 1 "
            "when it is stale and must be rebuilt (rebuild_search_index --if-stale).")

    def handle(self, *args, **options):
        built = index.built_with()
        if index.is_stale():
            raise CommandError(
                f"the search index is stale: written with term rules {built or 'of an earlier version'}, the code "
                f"uses {RULES_VERSION}. Rebuild it: python manage.py rebuild_search_index --if-stale")
        self.stdout.write(f"the search index is current (term rules {built or RULES_VERSION})")
