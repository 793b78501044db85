"""``import_plan`` and ``import_report``: the JSON of the issue, dry runs that save nothing, refusals."""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from rial.conference.importer.tests.samples import ENGLISH_PLAN, RECIPE, REPORT
from rial.conference.models import ConferenceDocument, Mandate

pytestmark = pytest.mark.django_db

PLAN_KEYS = ["kind", "title", "conference", "chair", "previous_chair", "next_chair", "working_groups",
             "network_actions", "deadlines", "warnings"]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_dry_run_prints_the_issue_json_and_saves_nothing(tmp_path, secretariat):
    data = json.loads(run("import_plan", write(tmp_path, "plan.txt", ENGLISH_PLAN), "--dry-run", "--json"))
    assert list(data) == PLAN_KEYS
    assert data["kind"] == "plan_of_action"
    assert data["conference"] == {"number": "XXX", "city": "Bridgetown", "year": 2040}
    assert list(data["working_groups"][0]) == ["number", "title", "chair", "vice_chairs", "topics", "activities"]
    assert data["working_groups"][1]["vice_chairs"] == [None, "Uruguay"]
    assert not ConferenceDocument.objects.exists() and not Mandate.objects.exists()


def test_without_dry_run_the_plan_is_saved(tmp_path, secretariat):
    run("import_plan", write(tmp_path, "plan.txt", ENGLISH_PLAN))
    assert ConferenceDocument.objects.get().conference.number == 30
    assert Mandate.objects.count() > 0
    run("import_plan", write(tmp_path, "plan.txt", ENGLISH_PLAN))
    assert ConferenceDocument.objects.count() == 1


def test_a_docx_plan_is_read(tmp_path, secretariat):
    document = Document()
    for line in ENGLISH_PLAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    data = json.loads(run("import_plan", str(path), "--dry-run", "--json"))
    assert len(data["working_groups"]) == 2


def _refused(path, message):
    with pytest.raises(CommandError, match=message):
        run("import_plan", path)
    assert not ConferenceDocument.objects.exists() and not Mandate.objects.exists()


def test_a_recipe_is_refused(tmp_path, secretariat):
    _refused(write(tmp_path, "recipe.txt", RECIPE), "not a Plan of Action")


def test_an_empty_file_is_refused(tmp_path, secretariat):
    _refused(write(tmp_path, "empty.txt", ""), "empty")


def test_a_binary_file_is_refused(tmp_path, secretariat):
    _refused(write(tmp_path, "plan.txt", bytes(range(256)) * 40), "cannot be read")


def test_a_broken_word_file_is_refused(tmp_path, secretariat):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    _refused(str(path), "cannot be read")


def test_a_50_megabyte_file_is_refused(tmp_path, secretariat):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    _refused(str(path), "too large")


def test_another_file_type_is_refused(tmp_path, secretariat):
    _refused(write(tmp_path, "plan.rtf", ENGLISH_PLAN), "Only .txt, .docx and .pdf")


def test_a_report_given_to_import_plan_is_pointed_to_import_report(tmp_path, secretariat):
    _refused(write(tmp_path, "report.txt", REPORT), "Working Group report")


def test_import_report_dry_run_json(tmp_path):
    data = json.loads(run("import_report", write(tmp_path, "report.txt", REPORT), "--dry-run", "--json"))
    assert list(data) == ["kind", "group", "period", "meetings", "organizations", "consensus",
                          "issues_for_further_work", "recommendations", "warnings"]
    assert data["kind"] == "working_group_report"
    # The item the parser classifies as further work is in the JSON, not dropped.
    assert data["issues_for_further_work"] == ["How to measure skills gaps deserves more reflection."]


def test_import_report_seed(seeds_dir):
    path = sorted(seeds_dir.glob("003_*.txt"))[0]
    data = json.loads(run("import_report", str(path), "--dry-run", "--json"))
    assert (data["group"], data["period"]) == (2, "2016-2017")
    assert data["meetings"][0] == {"date": "2016-06-29", "place": "Washington D.C."}
    assert (len(data["organizations"]), len(data["consensus"]), len(data["recommendations"])) == (11, 25, 12)
