"""The activities' CSV and XLSX exports neutralise cells a spreadsheet would run as formulas."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rial.cooperation.models import Activity

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example","Open")', "+1+1", "-2+3", "@SUM(A1:A2)"]


@pytest.mark.parametrize("title", FORMULAS)
def test_a_title_that_looks_like_a_formula_is_exported_as_text(client, planned_activity, title):
    Activity.objects.filter(pk=planned_activity.pk).update(title=title)  # as a user could have typed it
    rows = list(csv.reader(io.StringIO(client.get(reverse("cooperation:export_csv")).content.decode())))
    [row] = [row for row in rows if row[0] == str(planned_activity.pk)]
    assert row[6] == "'" + title
    sheet = load_workbook(io.BytesIO(client.get(reverse("cooperation:export_xlsx")).content)).active
    [cells] = [cells for cells in sheet.iter_rows(values_only=True) if cells[0] == planned_activity.pk]
    assert cells[6] == "'" + title
