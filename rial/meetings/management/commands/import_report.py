"""``python manage.py import_report FILE [--dry-run] [--json] [--conference N] [--user NAME]``: read a Working
Group final report and record it.

With ``--dry-run`` nothing is saved; ``--json`` prints the parse (areas of consensus, issues for further
work, recommendations…). Without it the report is recorded as the group's final report, through the same
service as the pages, acting as the Secretariat user given with ``--user`` (default: the first).
"""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from rial.conference.importer import uploads
from rial.conference.importer.plan import detect_language
from rial.core.commands import acting_user
from rial.meetings.services.report import report_record


class Command(BaseCommand):
    help = "Read a Working Group final report (.txt, .docx or .pdf) and record it; --dry-run saves nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Parse and show, save nothing.")
        parser.add_argument("--json", action="store_true", help="Print the parse as JSON.")
        parser.add_argument("--conference", type=int, help="Number of the conference whose group reports "
                                                               "(default: the last one before the period).")
        parser.add_argument("--user", help="Username of the Secretariat user the record is made for.")

    def handle(self, *args, file: str, dry_run: bool, conference: int | None, user: str | None, **options):
        try:
            text = uploads.read_text(file)
            parsed = uploads.parse_report_text(text)
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        except uploads.ImportProblem as problem:
            raise CommandError(problem.message) from problem
        if options["json"]:
            self.stdout.write(json.dumps(uploads.report_json(parsed), ensure_ascii=False, indent=2))
        summary = (f"Working Group {parsed['group']}, {parsed['period']}: {len(parsed['meetings'])} meetings, "
                   f"{len(parsed['consensus'])} points of consensus, {len(parsed['issues_for_further_work'])} issues "
                   f"for further work, {len(parsed['recommendations'])} recommendations")
        if dry_run:
            if not options["json"]:
                self.stdout.write(f"{summary} (dry run: nothing saved)")
            return
        language = detect_language(text)
        acting = acting_user(user, permission="meetings.add_workinggroupreport")
        try:
            report = report_record(parsed=parsed, user=acting, conference_number=conference, language=language)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error
        self.stderr.write(f"{summary}: recorded as “{report}” ({report.get_absolute_url()}).")
        if report.conclusions_meeting is None:
            self.stderr.write("No meeting it names has been held yet: its points stay in the report only.")
        else:
            self.stderr.write(f"{report.conclusions_added} points filed as conclusions of “{report.conclusions_meeting}” "
                              f"({report.conclusions_meeting.get_absolute_url()}).")

