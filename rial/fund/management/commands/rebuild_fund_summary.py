from django.core.management.base import BaseCommand

from rial.fund.models import Entry, LedgerSummary
from rial.fund.summary import rebuild


class Command(BaseCommand):
    help = "Recompute the ledger summary the fund's figures are read from, from the ledger itself."

    def handle(self, *args, **options):
        rows = rebuild(Entry, LedgerSummary)
        self.stdout.write(f"ledger summary rebuilt: {rows} rows")
