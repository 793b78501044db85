"""Every CSV and XLSX export neutralises a cell a spreadsheet would run as a formula, through the one
rule of rial/core/spreadsheets.py: a text starting with = + - @ (or a tab or carriage return) gets a
leading apostrophe."""

import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import login
from rial.agreements.tests.factories import AgreementFactory, party
from rial.cooperation.models import Activity
from rial.cooperation.tests.conftest import planned_activity  # noqa: F401 (a fixture)
from rial.core.spreadsheets import spreadsheet_safe
from rial.fund.services import record_contribution
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example","Open")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1"]


def _csv_cells(response) -> set[str]:
    text = response.content.decode("utf-8-sig")
    return {cell for row in csv.reader(io.StringIO(text)) for cell in row}


def _xlsx_cells(response) -> set:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return {cell for row in sheet.iter_rows(values_only=True) for cell in row}


def _assert_neutralised(cells: set, value: str) -> None:
    assert "'" + value in cells
    assert value not in cells


def test_the_rule():
    for value in FORMULAS:
        assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("Chile") == "Chile" and spreadsheet_safe(-5) == -5 and spreadsheet_safe(None) is None


@pytest.mark.parametrize("value", FORMULAS)
def test_agreements_csv_and_xlsx(client, value):
    agreement = AgreementFactory(title_en=value, in_force=datetime.date(2001, 1, 1))
    party(agreement, "GT")
    party(agreement, "HN")
    url = reverse("agreements:export")
    _assert_neutralised(_csv_cells(client.get(url, {"country": "GT", "format": "csv"})), value)
    _assert_neutralised(_xlsx_cells(client.get(url, {"country": "GT", "format": "xlsx"})), value)


@pytest.mark.parametrize("value", FORMULAS)
def test_portfolio_csv_and_xlsx(client, value):
    ProgramFactory(name_en=value)
    _assert_neutralised(_csv_cells(client.get(reverse("portfolio:export", args=["csv"]))), value)
    _assert_neutralised(_xlsx_cells(client.get(reverse("portfolio:export", args=["xlsx"]))), value)


@pytest.mark.parametrize("value", FORMULAS)
def test_cooperation_csv_and_xlsx(client, planned_activity, value):  # noqa: F811
    Activity.objects.filter(pk=planned_activity.pk).update(title=value)  # as typed before any cleaning
    _assert_neutralised(_csv_cells(client.get(reverse("cooperation:export_csv"))), value)
    _assert_neutralised(_xlsx_cells(client.get(reverse("cooperation:export_xlsx"))), value)


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1"])
def test_fund_financial_report_xlsx(client, secretariat, value):
    record_contribution(user=secretariat, contributor_name=value, amount=Decimal("10.00"), currency="USD",
                        date=datetime.date(2026, 3, 2))
    login(client, secretariat)
    _assert_neutralised(_xlsx_cells(client.get(reverse("fund:report_xlsx"))), value.strip())


def test_no_app_keeps_its_own_copy_of_the_rule():
    rial = Path(__file__).resolve().parents[2]
    copies = [str(path.relative_to(rial)) for path in rial.glob("*/**/*.py")
              if "tests" not in path.parts and "migrations" not in path.parts
              and path.name != "spreadsheets.py"
              and re.search(r"""in \(\s*["']=["'],\s*["']\+["']""", path.read_text())]
    assert copies == []
