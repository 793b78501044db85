"""``python manage.py import_plan FILE [--dry-run] [--json]``: read a Plan of Action and save it.

With ``--dry-run`` nothing is saved; ``--json`` prints the parse in its fixed JSON shape
(``ParsedPlan.as_json``). Saving acts as the Secretariat user given with ``--user`` (default: the first
active Secretariat user), through the same service the upload page uses.
"""

import json
import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from rial.conference.importer import uploads
from rial.conference.importer.parsed import ParsedPlan
from rial.conference.plan_import import plan_import
from rial.core.commands import acting_user


class Command(BaseCommand):
    help = "Import a Plan of Action (.txt, .docx or .pdf); --dry-run saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Parse and show, save nothing.")
        parser.add_argument("--json", action="store_true", help="Print the parse as JSON.")
        parser.add_argument("--user", help="Username of the Secretariat user the import is recorded for.")

    def handle(self, *args, file: str, dry_run: bool, user: str | None, **options):
        as_json = options["json"]
        started = time.perf_counter()
        try:
            parsed = uploads.parse_plan_text(uploads.read_text(file))
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        except uploads.ImportProblem as problem:
            raise CommandError(problem.message) from problem
        if as_json:
            self.stdout.write(_dumps(parsed.as_json()))
        if dry_run:
            if not as_json:
                self.stdout.write(_summary(parsed) + " (dry run: nothing saved)")
            return
        acting = acting_user(user, permission="conference.import_plan")
        try:
            outcome = plan_import(parsed=parsed, user=acting)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error
        elapsed = time.perf_counter() - started
        if outcome.unchanged:
            message = f"{outcome.document}: already imported, nothing changed."
        else:
            message = (f"{outcome.document}: {outcome.created} mandates created, {outcome.updated} updated, "
                       f"{outcome.archived} archived.")
        self.stderr.write(f"{message} ({elapsed * 1000:.0f} ms)")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _summary(parsed: ParsedPlan) -> str:
    activities = sum(len(group.activities) for group in parsed.working_groups)
    return f"{parsed.title}: {len(parsed.working_groups)} working groups, {activities} activities"

