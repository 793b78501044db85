"""Reports for the Secretariat and the public charts, checked against the 2016 history's figures."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from rial.fund import reports
from rial.fund.models import Allocation
from rial.fund.tests.factories import contribution, expense

pytestmark = pytest.mark.django_db


def test_balance_by_year_carries_the_balance_forward(secretariat):
    contribution(secretariat, "1000.00")
    expense(secretariat, "250.50", category="per_diem")
    rows = reports.balance_by_year()
    assert rows == [
        # the report's overlapping spans make one opening row: no balance that never was
        ("until February 2016", Decimal("649734.00"), Decimal("587955.00"), Decimal("61779.00")),
        ("2026", Decimal("1000.00"), Decimal("250.50"), Decimal("62528.50")),
    ]


def test_contributions_by_country_and_year(secretariat):
    contribution(secretariat, "1000.00", iso2="CA", date=datetime.date(2026, 4, 1))
    periods, rows = reports.contributions_by_country_and_year()
    assert periods == ["until February 2016", "2026"]
    by_who = {who: (cells, total) for who, cells, total in rows}
    assert by_who["Canada"] == ([Decimal("200000.00"), Decimal("1000.00")], Decimal("201000.00"))
    assert by_who["17 member states"] == ([Decimal("297734.00"), None], Decimal("297734.00"))


def test_the_xlsx_report_has_the_figures(secretariat_client):
    response = secretariat_client.get(reverse("fund:report_xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["Contributions received"][0] == 649734
    assert values["Spent"][0] == 587955
    assert values["Balance"][0] == 61779
    assert values["2011–2015"][-1] == 587955  # the spending table's total column


def test_the_pdf_report_has_the_figures(secretariat_client):
    response = secretariat_client.get(reverse("fund:report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for figure in ("649,734.00", "587,955.00", "61,779.00", "171,955.00", "176,412.00", "Bilateral cooperation"):
        assert figure in text


def test_the_public_page_draws_both_charts_as_accessible_svg(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        page = client.get(reverse("fund:home")).content.decode()
    assert page.count('<svg viewBox="0 0 640 260"') == 2
    assert 'role="img" aria-labelledby="chart-contributions-title chart-contributions-desc"' in page
    assert "until February 2016: USD 649,734" in page
    assert "2011–2015: USD 587,955" in page
    assert "<script" not in page.split("<main", 1)[1]


def test_the_reports_page_shows_the_tables(secretariat_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        page = secretariat_client.get(reverse("fund:reports")).content.decode()
    assert "Spending by year and category" in page and "176,412.00" in page and "Not attributed" in page


def test_allocations_are_set_against_what_was_spent(secretariat):
    Allocation.objects.create(meeting="Planning 2026", decided_on=datetime.date(2026, 1, 20), category="workshop",
                              amount=Decimal("40000.00"))
    contribution(secretariat, "5000.00")
    expense(secretariat, "1200.00", category="workshop")
    expense(secretariat, "300.00", category="airfare")
    assert reports.allocations_against_spending() == [
        (2026, "Workshops", "USD", Decimal("40000.00"), Decimal("1200.00"))]
