"""Import agreements from a CSV file (the columns of the export), as a Secretariat user."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from rial.agreements.services import REFUSE, agreements_import
from rial.core.commands import acting_user


class Command(BaseCommand):
    help = "Create or update social security agreements from a CSV file; --dry-run shows what would change."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Username of the Secretariat member who imports.")
        parser.add_argument("--dry-run", action="store_true", help="Report what each row would do; save nothing.")

    def handle(self, *args, file: Path, user: str, dry_run: bool, **options):
        account = acting_user(user, permission="agreements.add_agreement")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file} as UTF-8 text: {exc}") from exc
        try:
            report = agreements_import(text=text, user=account, dry_run=dry_run)
        except PermissionDenied as exc:
            raise CommandError(f"{user} may not import agreements (Secretariat only).") from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for row in report.rows:
            reasons = f"  {'; '.join(row.reasons)}" if row.reasons else ""
            self.stdout.write(f"line {row.line:>4}  {row.outcome:<9} {row.slug}{reasons}")
        summary = ", ".join(f"{count} {outcome}" for outcome, count in report.counts.items())
        if report.saved:
            self.stdout.write(self.style.SUCCESS(f"Saved: {summary}."))
        elif dry_run:
            self.stdout.write(f"Dry run, nothing saved: {summary}.")
        else:
            raise CommandError(f"Nothing saved: {report.count(REFUSE)} row(s) refused ({summary}).")
