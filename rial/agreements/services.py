"""Named writes of the agreements app. Each checks permission, runs in a transaction and leaves an audit row."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.agreements import actions
from rial.agreements.importer import ParsedRow, apply_row, parse_row, read_csv
from rial.agreements.models import Agreement
from rial.directory.models import Country

logger = logging.getLogger("rial.agreements")

CREATE, UPDATE, UNCHANGED, REFUSE = "create", "update", "unchanged", "refuse"
OUTCOME_LABELS = {CREATE: gettext_lazy("create"), UPDATE: gettext_lazy("update"),
                  UNCHANGED: gettext_lazy("unchanged"), REFUSE: gettext_lazy("refuse")}


@dataclass
class RowOutcome:
    line: int
    slug: str
    outcome: str
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


@dataclass
class ImportReport:
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    saved: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def refused(self) -> int:
        return self.count(REFUSE)

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: self.count(outcome) for outcome in OUTCOME_LABELS}


def _unchanged(agreement: Agreement, parsed: ParsedRow) -> bool:
    same_fields = all(getattr(agreement, name) == value for name, value in parsed.values.items())
    same_parties = {p.country_id for p in agreement.parties.all()} == {c.pk for c in parsed.parties}
    return same_fields and same_parties


def agreements_import(*, text: str, user, dry_run: bool) -> ImportReport:
    """Create or update agreements from CSV text, row by row, all or nothing.

    A dry run reports what each row would do and saves nothing. A real run saves only when no row is
    refused: a file with one bad row changes nothing, so the Secretariat fixes it and imports again.
    """
    if not user.has_perm("agreements.import_agreements"):
        raise PermissionDenied
    raw_rows = read_csv(text)  # ValueError with a readable message when the file is not our format
    countries = {country.iso2: country for country in Country.objects.all()}
    existing = {a.slug: a for a in Agreement.objects.filter(
        slug__in=[(row.get("slug") or "").strip() for row in raw_rows]).prefetch_related("parties")}
    report = ImportReport(dry_run=dry_run)
    parsed_rows, seen = [], set()
    for line, row in enumerate(raw_rows, start=2):
        parsed = parse_row(row, line, countries)
        if parsed.slug in seen:
            parsed.errors.append(_("The short name “%(slug)s” appears twice in the file.") % {"slug": parsed.slug})
        seen.add(parsed.slug)
        if parsed.errors:
            report.rows.append(RowOutcome(line, parsed.slug, REFUSE, parsed.errors))
            continue
        current = existing.get(parsed.slug)
        if current is None:
            outcome = CREATE
        elif _unchanged(current, parsed):
            outcome = UNCHANGED
        else:
            outcome = UPDATE
        report.rows.append(RowOutcome(line, parsed.slug, outcome))
        if outcome != UNCHANGED:
            parsed_rows.append(parsed)
    if dry_run or report.refused:
        return report
    with transaction.atomic():
        for parsed in parsed_rows:
            apply_row(parsed, user=user, action=actions.AGREEMENT_IMPORTED)
    report.saved = True
    logger.info("agreements import by %s: %s", user, report.counts)
    return report
