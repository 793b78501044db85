"""The Django side of the document importer: read an upload, parse it with the countries of the
directory, and turn the parse into the import's JSON (``PLAN_KEYS``, ``REPORT_KEYS``; and back, after corrections).

The parser itself (``rial/conference/importer``) knows nothing of Django; saving is in ``services``.
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
    detect_kind,
    errors,
    parse_plan,
    parse_report,
    read_document,
)
from rial.core.files import max_upload_bytes
from rial.directory.models import Country

PLAN_KEYS = ("kind", "title", "conference", "chair", "previous_chair", "next_chair", "working_groups",
             "network_actions", "deadlines", "warnings")
REPORT_KEYS = ("kind", "group", "period", "meetings", "organizations", "consensus", "recommendations", "warnings")

DRAFT_TITLE_RE = re.compile(r"^\s*(?:draft|proyecto|borrador)\b", re.I)
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
    try:
        return read_document(path, max_bytes=max_upload_bytes())
    except ImportRefused as refusal:
        raise ImportProblem(translated_refusal(refusal)) from refusal


def parse_plan_text(text: str) -> dict[str, Any]:
    """The plan as the import's JSON, plus ``language`` and ``codes`` (kept apart by :func:`plan_json`)."""
    try:
        parsed = parse_plan(text, country_names())
    except ImportRefused as refusal:
        if detect_kind(text) == "working_group_report":
            raise ImportProblem(_("This is a Working Group report: import it with the report importer.")) from refusal
        raise ImportProblem(translated_refusal(refusal)) from refusal
    parsed["codes"] = document_codes(text)
    return parsed


def parse_report_text(text: str) -> dict[str, Any]:
    try:
        return parse_report(text)
    except ImportRefused as refusal:
        raise ImportProblem(translated_refusal(refusal)) from refusal


def plan_json(parsed: dict[str, Any]) -> dict[str, Any]:
    """Exactly ``PLAN_KEYS``, in their order: the shape other tools read."""
    return {key: parsed.get(key) for key in PLAN_KEYS}


def report_json(parsed: dict[str, Any]) -> dict[str, Any]:
    return {key: parsed.get(key) for key in REPORT_KEYS}


def document_codes(text: str) -> dict[str, Any]:
    """The official codes on the first page: ``OEA/Ser.K/XII.21.1``, ``CIDI/TRABAJO/doc.5/21``, ``rev.N``."""
    return find_codes(text[:CODES_WINDOW])


def is_draft_title(title: str) -> bool:
    return bool(DRAFT_TITLE_RE.match(title or ""))


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


def fingerprint(parsed: dict[str, Any]) -> str:
    """A checksum of what would be saved, so the same document (with the same corrections) is recognised."""
    material = {key: parsed.get(key) for key in (*PLAN_KEYS, "language", "codes") if key != "warnings"}
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
