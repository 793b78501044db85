from django.core.management.base import BaseCommand, CommandError

from rial.fund.models import Entry, LedgerSummary
from rial.fund.summary import differences


class Command(BaseCommand):
    help = "Compare the ledger summary with the ledger; fail (exit 1) if any sum differs."

    def handle(self, *args, **options):
        wrong = differences(Entry, LedgerSummary)
        if wrong:
            raise CommandError(f"{len(wrong)} summary rows differ from the ledger; run rebuild_fund_summary. "
                               f"First: {wrong[0]}")
        self.stdout.write("ledger summary matches the ledger")
