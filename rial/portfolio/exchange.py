"""CSV and XLSX export of a filtered program list, and the Secretariat's CSV/XLSX import with a dry run.

The import reads one row per program. A row with an ``id`` updates that published program; a row
without one creates a published program. Each row is checked on its own and reported as created,
updated or refused with the reason; a dry run reports the same and saves nothing.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import openpyxl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.core.files import ExtractionError, archive_refusal, check_size, run_bounded
from rial.core.languages import LANGUAGE_CODES
from rial.core.spreadsheets import spreadsheet_safe
from rial.directory.models import Institution
from rial.portfolio import actions
from rial.portfolio.models import Program, ProgramTransition, TargetPopulation
from rial.topics.models import Topic

COLUMNS = ["id", "country", "ministry", "name", "summary", "objectives", "results", "target_populations",
           "topics", "start", "end", "budget", "budget_currency", "funding", "legal_basis", "contact_name",
           "contact_email", "languages", "offered_for_cooperation", "last_reviewed", "url"]
MAX_IMPORT_ROWS = 2000


def export_rows(programs, base_url: str):
    yield COLUMNS
    for program in programs:
        yield [
            program.pk, program.ministry.country.iso2 if program.ministry.country else "", program.ministry.slug,
            program.name, program.summary, program.objectives, program.results,
            ";".join(population.slug for population in program.population_list),
            ";".join(topic.slug for topic in program.topic_list),
            program.start.isoformat() if program.start else "", program.end.isoformat() if program.end else "",
            str(program.budget) if program.budget is not None else "", program.budget_currency, program.funding,
            program.legal_basis, program.contact_name, program.contact_email, ";".join(program.languages),
            "yes" if program.offered_for_cooperation else "no",
            program.last_reviewed_at.isoformat() if program.last_reviewed_at else "",
            base_url + program.get_absolute_url(),
        ]


def export_csv(programs, base_url: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_rows(programs, base_url):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read UTF-8


def export_xlsx(programs, base_url: str) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Programs"))
    for row in export_rows(programs, base_url):
        sheet.append([spreadsheet_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Import -------------------------------------------------------------------------------------------

@dataclass
class RowResult:
    line: int
    outcome: str  # "created", "updated" or "refused"
    name: str
    reason: str = ""


class ImportError_(ValueError):
    """The file as a whole cannot be read (wrong type, no header, too many rows)."""


def read_table(upload) -> list[dict]:
    name = (upload.name or "").lower()
    try:
        check_size(upload)  # the platform's one upload limit, before anything is read
    except ValidationError as exc:
        raise ImportError_(exc.messages[0]) from exc
    head = upload.read(4)
    upload.seek(0)
    if head.startswith(b"PK"):
        # A workbook is a ZIP archive: bounded before it is opened, then read in a bounded child process.
        refusal = archive_refusal(upload)
        if refusal:
            raise ImportError_(refusal)
        try:
            rows = run_bounded(_xlsx_rows, upload.read())
        except ExtractionError as exc:
            raise ImportError_(str(exc)) from exc
    elif name.endswith(".csv") or not name:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportError_(_("The CSV file must be written in UTF-8.")) from exc
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportError_(_("Upload a CSV file or an XLSX workbook."))
    rows = [row for row in rows if any(str(cell).strip() for cell in row)]
    if not rows:
        raise ImportError_(_("The file is empty."))
    header = [str(cell).strip().lower() for cell in rows[0]]
    if "name" not in header or ("ministry" not in header and "country" not in header):
        raise ImportError_(_("The first row must name the columns, including “name” and “ministry” or “country”."))
    if len(rows) - 1 > MAX_IMPORT_ROWS:
        raise ImportError_(_("At most %(count)d rows can be imported at once.") % {"count": MAX_IMPORT_ROWS})
    return [dict(zip(header, [str(cell).strip() if not isinstance(cell, datetime.date) else cell for cell in row],
                     strict=False)) for row in rows[1:]]


def _xlsx_rows(data: bytes) -> list[list]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = []
        for row in workbook.active.iter_rows(values_only=True):
            cells = [("" if cell is None else cell) for cell in row]
            if any(str(cell).strip() for cell in cells):
                rows.append(cells)
            if len(rows) > MAX_IMPORT_ROWS + 1:
                break  # enough to refuse the file for its length; the rest is not read
        return rows
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ImportError_(_("The XLSX file cannot be read: %(error)s") % {"error": exc}) from None


def _date(value, label: str):
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValidationError(_("%(field)s “%(value)s” is not a date like 2024-03-31.") % {
            "field": label, "value": value}) from exc


def _slugs(value: str, model, label: str) -> list:
    slugs = [slug.strip() for slug in str(value or "").replace(",", ";").split(";") if slug.strip()]
    found = {obj.slug: obj for obj in model.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ValidationError(_("Unknown %(what)s: %(values)s.") % {"what": label, "values": ", ".join(unknown)})
    return [found[slug] for slug in slugs]


def _row_values(row: dict, lang: str) -> tuple[dict, list, list]:
    ministry = None
    if row.get("ministry"):
        ministry = Institution.objects.active().ministries().filter(slug=row["ministry"]).first()
    elif row.get("country"):
        ministry = Institution.objects.active().ministries().filter(country__iso2=row["country"].upper()).first()
    if ministry is None:
        raise ValidationError(_("No ministry of labor matches “%(value)s”.") % {
            "value": row.get("ministry") or row.get("country")})
    if not row.get("name"):
        raise ValidationError(_("The name is missing."))
    if not row.get("summary"):
        raise ValidationError(_("The summary is missing."))
    budget = None
    if row.get("budget"):
        try:
            budget = Decimal(str(row["budget"]).replace(",", ""))
        except InvalidOperation as exc:
            raise ValidationError(_("The budget “%(value)s” is not a number.") % {"value": row["budget"]}) from exc
    languages = [code.strip() for code in str(row.get("languages") or "").split(";") if code.strip()]
    if set(languages) - set(LANGUAGE_CODES):
        raise ValidationError(_("Languages are written as codes: en, es, pt, fr."))
    offered = str(row.get("offered_for_cooperation") or "yes").strip().lower()
    if offered not in ("yes", "no", "1", "0", "true", "false", "sí", "si"):
        raise ValidationError(_("“offered_for_cooperation” must be yes or no."))
    data = {
        "ministry": ministry,
        f"name_{lang}": row["name"][:300], f"summary_{lang}": row["summary"],
        f"objectives_{lang}": row.get("objectives", ""), f"results_{lang}": row.get("results", ""),
        f"funding_{lang}": row.get("funding", "")[:300], f"legal_basis_{lang}": row.get("legal_basis", ""),
        "start": _date(row.get("start"), _("Start")), "end": _date(row.get("end"), _("End")),
        "budget": budget, "budget_currency": str(row.get("budget_currency") or "").upper(),
        "contact_name": row.get("contact_name", ""), "contact_email": row.get("contact_email", ""),
        "languages": languages, "offered_for_cooperation": offered not in ("no", "0", "false"),
    }
    if data["start"] and data["end"] and data["end"] < data["start"]:
        raise ValidationError(_("The end cannot come before the start."))
    topics = _slugs(row.get("topics"), Topic, _("topics"))
    populations = _slugs(row.get("target_populations"), TargetPopulation, _("target populations"))
    return data, topics, populations


def import_programs(*, upload, user, dry_run: bool, lang: str = "en") -> list[RowResult]:
    """Import (or, with ``dry_run``, only check) the rows of ``upload``. Returns one result per row."""
    if not user.has_perm("portfolio.import_programs"):
        raise PermissionDenied
    lang = lang if lang in LANGUAGE_CODES else "en"
    rows = read_table(upload)
    results = []
    with transaction.atomic():
        for line, row in enumerate(rows, start=2):
            name = str(row.get("name", ""))[:120]
            try:
                with transaction.atomic():
                    results.append(_import_row(row, line, name, user=user, lang=lang))
            except ValidationError as exc:
                results.append(RowResult(line, "refused", name, " ".join(exc.messages)))
        if dry_run:
            transaction.set_rollback(True)
    return results


def _import_row(row: dict, line: int, name: str, *, user, lang: str) -> RowResult:
    data, topics, populations = _row_values(row, lang)
    today = timezone.localdate()
    if row.get("id"):
        program = Program.objects.published().filter(pk=row["id"] if str(row["id"]).isdigit() else 0).first()
        if program is None:
            raise ValidationError(_("No published program has the id “%(id)s”.") % {"id": row["id"]})
        if program.ministry_id != data["ministry"].pk:
            raise ValidationError(_("The ministry of a program cannot be changed by an import."))
        outcome = "updated"
    else:
        program = Program(status=Program.Status.PUBLISHED)
        outcome = "created"
    for field, value in data.items():
        setattr(program, field, value)
    program.last_reviewed_at = today
    program.full_clean()
    save_logged(program, user=user, action=actions.PROGRAM_IMPORTED_CREATED if outcome == "created"
                else actions.PROGRAM_IMPORTED_UPDATED)
    program.topics.set(topics)
    program.populations.set(populations)
    ProgramTransition.objects.create(program=program, action="import", from_status=program.status,
                                     to_status=program.status, user=user, comment=outcome)
    return RowResult(line, outcome, name)
