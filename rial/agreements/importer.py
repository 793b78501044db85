"""Reading agreement rows from CSV: one format for the reference data and the Secretariat's imports.

A row describes one agreement (its parties as ISO codes separated by ``;``). ``parse_row`` turns it into
model field values or a list of reasons why it cannot be used; ``apply_row`` writes a parsed row. The
reference loader (demo.py) and the import service (services.py) both go through these two functions, so
the data shipped with the platform is checked by the same rules as an upload.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rial.agreements.models import BRANCHES, Agreement, AgreementParty, Status
from rial.core.audit import save_logged
from rial.directory.models import Country

COLUMNS = [
    "slug", "kind", "title_en", "title_es", "title_pt", "title_fr", "original_title", "original_language",
    "parties_iso2", "status", "status_certain", "status_note", "status_note_es", "status_note_pt",
    "status_note_fr", "signed", "signed_precision", "signed_certain", "in_force",
    "in_force_certain", "branches", "branches_as_written", "totalization", "export_of_benefits",
    "posted_workers", "max_detachment_months", "provisions_source", "provisions_source_es", "provisions_source_pt",
    "provisions_source_fr", "source", "verified",
]
REQUIRED = ["slug", "kind", "title_en", "parties_iso2", "status", "source"]
MAX_ROWS = 2000


@dataclass
class ParsedRow:
    line: int
    slug: str
    values: dict = field(default_factory=dict)
    parties: list[Country] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_csv(text: str) -> list[dict]:
    """The rows of a CSV text; raises ValueError with a readable message when it is not our format."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(_("The file lacks the required columns: %(columns)s.") % {"columns": ", ".join(missing)})
    rows = list(reader)
    if len(rows) > MAX_ROWS:
        raise ValueError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    return rows


def _flag(value: str, default: bool | None) -> bool | None:
    value = (value or "").strip().lower()
    if value in {"1", "true", "yes"}:
        return True
    if value in {"0", "false", "no"}:
        return False
    if value == "":
        return default
    raise ValueError(value)


def _date(value: str) -> datetime.date | None:
    value = (value or "").strip()
    return datetime.date.fromisoformat(value) if value else None


def parse_row(row: dict, line: int, countries: dict[str, Country]) -> ParsedRow:
    parsed = ParsedRow(line=line, slug=(row.get("slug") or "").strip())
    errors = parsed.errors
    for name in REQUIRED:
        if not (row.get(name) or "").strip():
            errors.append(_("The column “%(column)s” is empty.") % {"column": name})
    if errors:
        return parsed
    kind, status = row["kind"].strip(), row["status"].strip()
    if kind not in Agreement.Kind.values:
        errors.append(_("Unknown kind “%(value)s” (use one of: %(choices)s).") % {
            "value": kind, "choices": ", ".join(Agreement.Kind.values)})
    if status not in Status.values:
        errors.append(_("Unknown status “%(value)s” (use one of: %(choices)s).") % {
            "value": status, "choices": ", ".join(Status.values)})
    codes = [code.strip().upper() for code in row["parties_iso2"].split(";") if code.strip()]
    unknown = [code for code in codes if code not in countries]
    if unknown:
        errors.append(_("Unknown country codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    if len(set(codes)) != len(codes):
        errors.append(_("A country is listed twice among the parties."))
    if kind == Agreement.Kind.BILATERAL and len(codes) != 2:
        errors.append(_("A bilateral agreement has exactly two parties."))
    if len(codes) < 2:
        errors.append(_("An agreement has at least two parties."))
    branches = [name.strip() for name in (row.get("branches") or "").split(";") if name.strip()]
    wrong = [name for name in branches if name not in BRANCHES]
    if wrong:
        errors.append(_("Unknown branches: %(names)s (use: %(choices)s).") % {
            "names": ", ".join(wrong), "choices": ", ".join(BRANCHES)})
    values = {
        "kind": kind, "status": status, "title_en": row["title_en"].strip(),
        "title_es": (row.get("title_es") or "").strip(), "original_title": (row.get("original_title") or "").strip(),
        "original_language": (row.get("original_language") or "").strip(),
        "status_note_en": (row.get("status_note") or "").strip(),
        "status_note_es": (row.get("status_note_es") or "").strip(),
        "signed_precision": (row.get("signed_precision") or "day").strip(),
        "branches_as_written": (row.get("branches_as_written") or "").strip(),
        "provisions_source_en": (row.get("provisions_source") or "").strip(),
        "source": row["source"].strip(),
        **{name: name in branches for name in BRANCHES},
    }
    # The Portuguese and French titles and status notes and the provisions note's translations came later than
    # the other columns: a file written before them (without those columns) leaves what is recorded as it is.
    for column in ("title_pt", "title_fr", "status_note_pt", "status_note_fr", "provisions_source_es",
                   "provisions_source_pt", "provisions_source_fr"):
        if column in row:
            values[column] = (row[column] or "").strip()
    if values["signed_precision"] not in Agreement.Precision.values:
        errors.append(_("Unknown precision “%(value)s” (use day or year).") % {"value": values["signed_precision"]})
    for name in ("signed", "in_force"):
        try:
            values[name] = _date(row.get(name, ""))
        except ValueError:
            errors.append(_("The date “%(value)s” in “%(column)s” is not a date written YYYY-MM-DD.") % {
                "value": row.get(name), "column": name})
    flags = {"status_certain": True, "signed_certain": True, "in_force_certain": True, "verified": False,
             "totalization": None, "export_of_benefits": None, "posted_workers": None}
    for name, default in flags.items():
        try:
            values[name] = _flag(row.get(name, ""), default)
        except ValueError:
            errors.append(_("“%(value)s” in “%(column)s” is not 1, 0 or empty.") % {
                "value": row.get(name), "column": name})
    months = (row.get("max_detachment_months") or "").strip()
    if months and not months.isdigit():
        errors.append(_("The maximum detachment period must be a whole number of months."))
    values["max_detachment_months"] = int(months) if months.isdigit() else None
    if errors:
        return parsed
    # The model's own rules (entry into force after signature…), without the uniqueness check on the slug:
    # an existing slug means an update.
    candidate = Agreement(slug=parsed.slug, **values)
    try:
        candidate.full_clean(validate_unique=False)
    except ValidationError as exc:
        errors.extend(message for messages in exc.message_dict.values() for message in messages)
    parsed.values = values
    parsed.parties = [countries[code] for code in codes]
    return parsed


def apply_row(parsed: ParsedRow, *, user=None, action: str) -> tuple[Agreement, bool]:
    """Create or update the agreement of a valid parsed row; parties not listed any more are removed."""
    agreement = Agreement.objects.filter(slug=parsed.slug).first()
    created = agreement is None
    agreement = agreement or Agreement(slug=parsed.slug)
    # Re-importing an unchanged row (``make run`` reloads the reference file) writes no empty history row.
    changed = created or any(getattr(agreement, name) != value for name, value in parsed.values.items())
    for name, value in parsed.values.items():
        setattr(agreement, name, value)
    if changed:
        agreement.full_clean()
        save_logged(agreement, user=user, action=action)
    keep = []
    for country in parsed.parties:
        party, _created = AgreementParty.objects.get_or_create(
            agreement=agreement, country=country,
            defaults={"status": agreement.status, "status_certain": agreement.status_certain,
                      "source": agreement.source, "verified": agreement.verified})
        if agreement.kind != Agreement.Kind.MULTILATERAL and (
                (party.status, party.status_certain) != (agreement.status, agreement.status_certain)):
            # A bilateral party's status is the agreement's; a multilateral party keeps its own.
            party.status, party.status_certain = agreement.status, agreement.status_certain
            save_logged(party, user=user, action=action)
        keep.append(party.pk)
    AgreementParty.objects.filter(agreement=agreement).exclude(pk__in=keep).delete()
    return agreement, created
