"""CSV and XLSX exports of agreements, in the very columns the import reads (so an export can be re-imported)."""

import csv
import io

from openpyxl import Workbook

from rial.agreements.importer import COLUMNS
from rial.agreements.models import BRANCHES, Agreement
from rial.core.spreadsheets import spreadsheet_safe


def _flag(value: bool | None) -> str:
    return "" if value is None else str(int(value))


def agreement_row(agreement: Agreement) -> dict:
    return {
        "slug": agreement.slug, "kind": agreement.kind, "title_en": agreement.title_en or "",
        "title_es": agreement.title_es or "", "title_pt": agreement.title_pt or "",
        "title_fr": agreement.title_fr or "", "original_title": agreement.original_title,
        "original_language": agreement.original_language,
        "parties_iso2": ";".join(party.country.iso2 for party in agreement.parties.all()),
        "status": agreement.status, "status_certain": _flag(agreement.status_certain),
        "status_note": agreement.status_note_en or "", "status_note_es": agreement.status_note_es or "",
        "status_note_pt": agreement.status_note_pt or "", "status_note_fr": agreement.status_note_fr or "",
        "signed": agreement.signed.isoformat() if agreement.signed else "",
        "signed_precision": agreement.signed_precision, "signed_certain": _flag(agreement.signed_certain),
        "in_force": agreement.in_force.isoformat() if agreement.in_force else "",
        "in_force_certain": _flag(agreement.in_force_certain),
        "branches": ";".join(name for name in BRANCHES if getattr(agreement, name)),
        "branches_as_written": agreement.branches_as_written,
        "totalization": _flag(agreement.totalization), "export_of_benefits": _flag(agreement.export_of_benefits),
        "posted_workers": _flag(agreement.posted_workers),
        "max_detachment_months": agreement.max_detachment_months or "",
        "provisions_source": agreement.provisions_source_en or "",
        "provisions_source_es": agreement.provisions_source_es or "",
        "provisions_source_pt": agreement.provisions_source_pt or "",
        "provisions_source_fr": agreement.provisions_source_fr or "", "source": agreement.source,
        "verified": _flag(agreement.verified),
    }


def as_csv(agreements) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for agreement in agreements:
        writer.writerow({key: spreadsheet_safe(value) for key, value in agreement_row(agreement).items()})
    return buffer.getvalue()


def as_xlsx(agreements) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "agreements"
    sheet.append(COLUMNS)
    for agreement in agreements:
        row = agreement_row(agreement)
        sheet.append([spreadsheet_safe(row[name]) for name in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
