import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import login
from rial.agreements.importer import COLUMNS
from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db
URL = reverse("agreements:export")


def test_the_csv_export_has_the_import_columns_and_follows_the_filters(client):
    response = client.get(URL, {"country": "BR", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == COLUMNS
    assert {row["slug"] for row in rows} == {"us-br", "ca-br", "ibero-american-multilateral", "mercosur", "es-br",
                                             "jp-br", "kr-br", "de-br", "fr-br", "pt-br", "br-cl"}
    mercosur = next(row for row in rows if row["slug"] == "mercosur")
    assert (mercosur["in_force"], mercosur["in_force_certain"], mercosur["verified"]) == ("2005-06-01", "0", "0")


def test_the_xlsx_export_opens_as_a_workbook(client):
    response = client.get(URL, {"format": "xlsx", "kind": "multilateral"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 1 + 4


def test_the_export_neutralises_spreadsheet_formulas(client, secretariat):
    agreement = AgreementFactory(title_en="=HYPERLINK(1)", in_force=datetime.date(2001, 1, 1))
    party(agreement, "GT")
    party(agreement, "HN")
    content = client.get(URL, {"country": "GT"}).content.decode()
    assert "'=HYPERLINK(1)" in content


def test_archived_agreements_are_exported_only_to_the_secretariat(client, secretariat):
    agreement = AgreementFactory(archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    party(agreement, "GT")
    party(agreement, "HN")
    assert agreement.slug not in client.get(URL).content.decode()
    login(client, secretariat)
    assert agreement.slug in client.get(URL).content.decode()


def test_bad_filters_refuse_the_export(client):
    assert client.get(URL, {"status": "maybe"}).status_code == 400
