"""The Django side of the document importer: read an upload, parse it with the countries of the
directory, translate refusals and warnings, and give the JSON shapes of ``import_plan`` and ``import_report``.

The other modules of this package (the parser) know nothing of Django; saving is in ``plan_import``.
"""

import calendar
import datetime
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from rial.conference.codes import find_codes
from rial.conference.importer import (
    CountryNames,
    ImportRefused,
    ParsedPlan,
    ParseWarning,
    detect_kind,
    errors,
    parse_plan,
    parse_report,
    read_document,
)
from rial.conference.importer.parsed import DocumentCodes
from rial.core.files import ExtractionError, archive_refusal, max_upload_bytes, run_bounded
from rial.directory.models import Country

REPORT_KEYS = ("kind", "group", "period", "meetings", "organizations", "consensus", "issues_for_further_work",
               "recommendations", "warnings")

# Only the first page carries the document codes; a code quoted later in the text is not this document's.
CODES_WINDOW = 1500


class ImportProblem(Exception):
    """A refusal with a translated message for the person who uploaded the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def country_names() -> CountryNames:
    """Every spelling of every country of the directory, in all four languages, to its English name."""
    aliases = {}
    for row in Country.objects.values("name_en", "name_es", "name_pt", "name_fr"):
        for value in row.values():
            if value:
                aliases[value] = row["name_en"]
    return CountryNames(aliases)


def translated_refusal(refusal: ImportRefused) -> str:
    """The refusal in the user's language (the parser writes English sentences, one class per reason)."""
    if isinstance(refusal, errors.DocumentTooLarge):
        return _("The file is too large: the limit is %(limit)s MB.") % {
            "limit": round(refusal.params.get("limit", max_upload_bytes()) / 1024 / 1024)}
    if isinstance(refusal, errors.EmptyDocument):
        return _("The file is empty: there is no text to import.")
    if isinstance(refusal, errors.UnsupportedFileType):
        return _("Only .txt, .docx and .pdf files can be imported.")
    if isinstance(refusal, errors.UnreadableDocument):
        return _("The file cannot be read: it is not the text, Word or PDF document its name says.")
    if isinstance(refusal, errors.NotAPlanOfAction):
        return _("This document is not a Plan of Action: it has no Plan of Action title or no Working Group sections.")
    if isinstance(refusal, errors.NotAWorkingGroupReport):
        return _("This document is not a Working Group report: it lacks the consensus and recommendations sections.")
    return refusal.message


def read_text(path: str | Path) -> str:
    path = Path(path)
    if path.suffix.lower() == ".docx" and path.is_file():
        # A Word file is a ZIP archive: refused before it is inflated when it would expand beyond bounds.
        with path.open("rb") as handle:
            refusal = archive_refusal(handle)
        if refusal:
            raise ImportProblem(refusal)
    try:
        return read_document(path, max_bytes=max_upload_bytes())
    except ImportRefused as refusal:
        raise ImportProblem(translated_refusal(refusal)) from refusal


def parse_plan_text(text: str, names: CountryNames | None = None) -> ParsedPlan:
    """The plan read from ``text``, with the document codes of its first page."""
    try:
        parsed = parse_plan(text, names or country_names())
    except ImportRefused as refusal:
        if detect_kind(text) == "working_group_report":
            raise ImportProblem(_("This is a Working Group report: import it with the report importer.")) from refusal
        raise ImportProblem(translated_refusal(refusal)) from refusal
    parsed.codes = document_codes(text)
    return parsed


def _read_plan(path: Path, names: CountryNames) -> dict[str, Any]:
    return parse_plan_text(read_text(path), names).to_dict()


def read_plan_bounded(path: str | Path) -> ParsedPlan:
    """The plan in the file at ``path``, read and parsed in a child process bounded in time and memory
    (rial/core/files.py ``run_bounded``); ``ImportProblem`` when it cannot be read or exceeds the bounds."""
    names = country_names()  # the child may not use the database: the directory is read here
    try:
        return ParsedPlan.from_dict(run_bounded(_read_plan, Path(path), names))
    except ExtractionError as error:
        raise ImportProblem(str(error)) from error


def parse_report_text(text: str) -> dict[str, Any]:
    try:
        return parse_report(text)
    except ImportRefused as refusal:
        raise ImportProblem(translated_refusal(refusal)) from refusal


def translated_warning(warning: ParseWarning | dict | str) -> str:
    """A parser warning in the user's language (a warning stored before warnings were records stays English)."""
    if isinstance(warning, str):
        return warning
    if isinstance(warning, dict):
        warning = ParseWarning.from_dict(warning)
    params = {name: translated_warning(value) if isinstance(value, ParseWarning) else value
              for name, value in warning.params.items()}
    # The English sentence is the message id: the parser's warnings are in the app's catalogs.
    return _(warning.template) % params if params else _(warning.template)


def report_json(parsed: dict[str, Any]) -> dict[str, Any]:
    return {key: parsed.get(key) for key in REPORT_KEYS}


def document_codes(text: str) -> DocumentCodes:
    """The official codes on the first page: ``OEA/Ser.K/XII.21.1``, ``CIDI/TRABAJO/doc.5/21``, ``rev.N``."""
    return DocumentCodes(**find_codes(text[:CODES_WINDOW]))


def due_date(value: str | None) -> datetime.date | None:
    """``"2008-02"`` → the last day of February 2008; ``"2020"`` → 31 December 2020; else None."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2):
        month = int(match.group(2))
        return datetime.date(year, month, calendar.monthrange(year, month)[1])
    return datetime.date(year, 12, 31)


def fingerprint(parsed: ParsedPlan) -> str:
    """A checksum of what would be saved, so the same document (with the same corrections) is recognised."""
    material = parsed.to_dict()
    del material["warnings"]
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
