"""The financial report for the authorities, as XLSX (openpyxl) and PDF (reportlab), from the same figures."""

import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from rial.core.amounts import format_amount
from rial.core.spreadsheets import spreadsheet_safe
from rial.fund import reports

MONEY_FORMAT = "#,##0.00"


def _sections() -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) of every table of the report; numbers stay Decimal."""
    totals = reports.totals()
    summary = [
        [_("Contributions received"), totals.received],
        [_("of which voluntary contributions of member states"), totals.voluntary],
        [_("of which co-financing from other bodies"), totals.co_financing],
        [_("Spent"), totals.spent],
        [_("Balance"), totals.balance],
        [_("Committed, not yet spent"), totals.committed],
        [_("Pledged"), totals.pledged],
        [_("Pledged, not yet received"), totals.pledges_outstanding],
        [_("In-kind support (not cash)"), totals.in_kind],
    ]
    balance = [[label, received, spent, running] for label, received, spent, running in reports.balance_by_year()]
    columns, spending = reports.spending_by_year_and_category()
    category_header = [reports.category_label(value) or _("Not attributed") for value in columns]
    periods, countries = reports.contributions_by_country_and_year()
    return [
        (_("Summary (USD)"), [_("Item"), _("USD")], summary),
        (_("Balance by year (USD)"), [_("Period"), _("Received"), _("Spent"), _("Balance at the end")], balance),
        (_("Spending by year and category (USD)"), [_("Period"), *category_header, _("Total")],
         [[label, *cells, total] for label, cells, total in spending]),
        (_("Contributions by country and year (USD)"), [_("Contributor"), *periods, _("Total")],
         [[who, *cells, total] for who, cells, total in countries]),
    ]


def _title() -> str:
    return _("Voluntary Contribution Fund of the RIAL: financial report, %(date)s") % {
        "date": timezone.localdate().isoformat()}


def financial_report_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Financial report")[:31]
    sheet.append([_title()])
    sheet["A1"].font = Font(bold=True, size=14)
    for title, header, rows in _sections():
        sheet.append([])
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append(header)
        for row in rows:
            sheet.append([spreadsheet_safe(value) for value in row])  # Decimals are written as exact numbers
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, Decimal):
                    cell.number_format = MONEY_FORMAT
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDEFGHIJ":
        sheet.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _money(value) -> str:
    if value is None:
        return ""
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def financial_report_pdf() -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=_title(), author="RIAL")
    story = [Paragraph(_title(), styles["Title"])]
    for title, header, rows in _sections():
        story += [Spacer(1, 12), Paragraph(title, styles["Heading2"])]
        data = [header] + [[_money(value) for value in row] for row in rows]
        table = Table(data, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
        ]))
        story.append(table)
    story += [Spacer(1, 12), Paragraph(_("Amounts in US dollars at the date of each entry. In-kind support is "
                                         "shown at its stated value and is not part of the cash balance."),
                                       styles["Normal"])]
    document.build(story)
    return buffer.getvalue()
