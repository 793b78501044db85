"""``python manage.py import_report FILE --dry-run [--json]``: read a Working Group final report.

Reports are kept by the meetings app (it owns meetings, conclusions and the final report), so this
command only reads and shows the report; it saves nothing and says so when --dry-run is missing.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from rial.conference import imports


class Command(BaseCommand):
    help = "Read a Working Group final report (.txt, .docx or .pdf) and print its structure; saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Parse and show (the only mode).")
        parser.add_argument("--json", action="store_true", help="Print the parse as JSON.")

    def handle(self, *args, file: str, dry_run: bool, **options):
        if not dry_run:
            raise CommandError("Working Group reports are recorded by the meetings app; this command only reads "
                               "them. Run it with --dry-run.")
        try:
            parsed = imports.parse_report_text(imports.read_text(file))
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        except imports.ImportProblem as problem:
            raise CommandError(problem.message) from problem
        if options["json"]:
            self.stdout.write(json.dumps(imports.report_json(parsed), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"Working Group {parsed['group']}, {parsed['period']}: "
                              f"{len(parsed['meetings'])} meetings, {len(parsed['recommendations'])} recommendations "
                              "(nothing saved)")
