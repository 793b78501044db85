"""Open data exports of cooperation activities (CSV, XLSX) and the expenses charged to them."""

import csv
import io

from openpyxl import Workbook

from rial.cooperation.models import Activity
from rial.core.spreadsheets import spreadsheet_safe
from rial.fund.queries import spending_on

COLUMNS = ["id", "call", "year", "requesting_or_first_country", "providing_or_second_country", "direction_known",
           "title", "topics", "modality", "starts_on", "ends_on", "state", "outcomes", "source", "verified", "demo"]


def public_activities():
    return (Activity.objects.public().select_related("call", "first_party__country", "second_party__country")
            .prefetch_related("topics", "outcomes").order_by("-year", "title"))


def rows(activities):
    for a in activities:
        yield [a.pk, a.call.number if a.call_id else "", a.year or "", a.first_party.country.iso2,
               a.second_party.country.iso2, int(a.direction_known), a.title,
               " ".join(t.slug for t in a.topics.all()), a.modality, a.starts_on or "", a.ends_on or "", a.state,
               " ".join(o.category for o in a.outcomes.all()), a.source, int(a.verified), int(a.is_demo)]


def safe_rows(activities):
    for row in rows(activities):
        yield [spreadsheet_safe(value) for value in row]


def activities_csv(activities) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(safe_rows(activities))
    return buffer.getvalue()


def activities_xlsx(activities) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "activities"
    sheet.append(COLUMNS)
    for row in safe_rows(activities):
        sheet.append([str(value) if hasattr(value, "isoformat") else value for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def activity_expenses(activity) -> list[dict]:
    """The fund's ledger entries that paid for this activity (reversals included, with negative amounts)."""
    return [{"date": e.date, "amount": e.amount, "currency": e.currency, "usd_value": e.usd_value,
             "category": e.get_category_display(), "description": e.description} for e in spending_on(activity)]
