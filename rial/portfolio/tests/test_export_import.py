import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_export_follows_the_filters_and_holds_published_programs_only(client):
    ProgramFactory(name_en="Chile youth", topics=["youth-employment"], populations=["youth"])
    ProgramFactory(name_en="Brazil inspection", ministry=ministry("BR"))
    ProgramFactory(name_en="Draft", status=Program.Status.DRAFT)
    response = client.get(reverse("portfolio:export", args=["csv"]), {"country": "CL"})
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert [row["name"] for row in rows] == ["Chile youth"]
    assert rows[0]["topics"] == "youth-employment" and rows[0]["target_populations"] == "youth"
    assert rows[0]["country"] == "CL"


def test_the_xlsx_export_opens_in_a_spreadsheet(client):
    ProgramFactory(name_en="Chile youth")
    response = client.get(reverse("portfolio:export", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3] == "name" and rows[1][3] == "Chile youth"


def test_an_exported_formula_is_neutralised(client):
    ProgramFactory(name_en="=HYPERLINK(\"http://evil\")")
    rows = _csv_rows(client.get(reverse("portfolio:export", args=["csv"])))
    assert rows[0]["name"].startswith("'=")


def test_an_unknown_export_format_is_a_404(client):
    assert client.get(reverse("portfolio:export", args=["pdf"])).status_code == 404


def test_the_export_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    ProgramFactory(topics=["employment"], populations=["youth"])
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("portfolio:export", args=["csv"]))
    for _ in range(10):
        ProgramFactory(topics=["employment"], populations=["youth"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("portfolio:export", args=["csv"]))


def _csv_upload(rows: list[list[str]]) -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile("programs.csv", buffer.getvalue().encode(), content_type="text/csv")


HEADER = ["id", "ministry", "country", "name", "summary", "topics", "target_populations", "start", "end",
          "offered_for_cooperation"]


def _rows(existing: Program) -> list[list[str]]:
    return [
        HEADER,
        ["", "ministry-cl", "", "New program", "Does things.", "labor-inspection", "youth", "2024-01-01", "", "yes"],
        [str(existing.pk), "", "CL", "Renamed program", "Still does things.", "", "", "", "", "no"],
        ["", "", "ZZ", "Nowhere", "x", "", "", "", "", ""],
        ["", "ministry-cl", "", "Bad topic", "x", "astrology", "", "", "", ""],
        ["", "ministry-cl", "", "Bad date", "x", "", "", "31/12/2024", "", ""],
        ["", "ministry-cl", "", "", "no name", "", "", "", "", ""],
        ["999999", "ministry-cl", "", "Ghost", "x", "", "", "", "", ""],
        ["", "ministry-cl", "", "Backwards", "x", "", "", "2024-05-01", "2020-01-01", ""],
    ]


def test_a_dry_run_lists_each_row_and_saves_nothing(secretariat_client):
    existing = ProgramFactory(name_en="Old name")
    response = secretariat_client.post(reverse("portfolio:import"),
                                       {"file": _csv_upload(_rows(existing)), "dry_run": "on"})
    results = response.context["results"]
    assert [r.outcome for r in results] == ["created", "updated"] + ["refused"] * 6
    reasons = " | ".join(r.reason for r in results)
    for expected in ("No ministry of labor matches “ZZ”", "Unknown topics: astrology", "not a date",
                     "The name is missing", "No published program has the id “999999”",
                     "The end cannot come before the start"):
        assert expected in reasons
    assert "would be created" in response.content.decode()
    existing.refresh_from_db()
    assert existing.name_en == "Old name"
    assert Program.objects.count() == 1


def test_an_import_creates_and_updates_the_good_rows_and_refuses_the_others(secretariat_client):
    existing = ProgramFactory(name_en="Old name")
    response = secretariat_client.post(reverse("portfolio:import"), {"file": _csv_upload(_rows(existing))})
    assert response.context["counts"] == {"created": 1, "updated": 1, "refused": 6}
    existing.refresh_from_db()
    assert existing.name_en == "Renamed program" and existing.offered_for_cooperation is False
    created = Program.objects.get(name_en="New program")
    assert created.status == Program.Status.PUBLISHED
    assert list(created.topics.values_list("slug", flat=True)) == ["labor-inspection"]
    assert created.transitions.get().action == "import"


def test_an_xlsx_import_works_like_a_csv_one(secretariat_client):
    workbook = openpyxl.Workbook()
    workbook.active.append(["ministry", "name", "summary"])
    workbook.active.append(["ministry-br", "Programa brasileiro", "Resumo."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("programs.xlsx", buffer.getvalue())
    response = secretariat_client.post(reverse("portfolio:import"), {"file": upload})
    assert response.context["counts"]["created"] == 1


@pytest.mark.parametrize("name,content,message", [
    ("programs.csv", b"", "empty"),
    ("programs.csv", b"foo,bar\n1,2\n", "The first row must name the columns"),
    ("programs.csv", "name,ministry\n\xe9t\xe9,x\n".encode("latin-1"), "UTF-8"),
    ("programs.xlsx", b"PK\x03\x04broken", "cannot be read"),
    ("programs.pdf", b"%PDF-1.4", "Upload a CSV file or an XLSX workbook"),
])
def test_an_unreadable_file_is_refused_with_a_message(secretariat_client, name, content, message):
    response = secretariat_client.post(reverse("portfolio:import"), {"file": SimpleUploadedFile(name, content)})
    assert message in response.content.decode()
    assert not Program.objects.exists()


@pytest.mark.parametrize("persona", ["focal_cl", "member_co", "ilo_rep"])
def test_only_the_secretariat_imports(client, request, persona):
    login(client, request.getfixturevalue(persona))
    response = client.post(reverse("portfolio:import"), {"file": _csv_upload([HEADER, ["", "ministry-cl"]])})
    assert response.status_code == 403
    assert not Program.objects.exists()
