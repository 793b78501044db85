"""A Working Group final report read by the importer is recorded: consensus, issues for further work and
recommendations become the points of a final report; recording it again updates it in place. A group title
imported from a plan keeps its case in the reports."""

import datetime
import io
import json
from io import StringIO

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from rial.conference.importer import uploads
from rial.conference.importer.tests.samples import ENGLISH_PLAN, REPORT
from rial.conference.models import WorkingGroup
from rial.conference.plan_import import plan_import
from rial.conference.tests import factories
from rial.meetings import actions
from rial.meetings.models import WorkingGroupReport
from rial.meetings.report_export import report_docx, report_pdf
from rial.meetings.services.report import report_draft

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return str(path)


def test_a_report_is_recorded_with_its_issues_for_further_work(report_file, secretariat):
    older = factories.group(factories.conference(29, year=2037), number=1)
    group = factories.group(factories.conference(30, year=2039), number=1)
    run("import_report", report_file)
    report = WorkingGroupReport.objects.get()
    assert report.group == group and report.group != older  # the conference held before the period 2040-2041
    assert (report.period_start.year, report.period_end.year, report.status) == (2040, 2041, "final")
    assert WorkingGroupReport.points(report.consensus) == [
        "Delegations agreed that apprenticeships work best with employers involved."]
    assert WorkingGroupReport.points(report.further_work) == ["How to measure skills gaps deserves more reflection."]
    assert WorkingGroupReport.points(report.recommendations) == [
        "Create a shared catalogue of apprenticeship programs.", "Hold a workshop on skills forecasting.",
        "Report on youth employment at the next meeting."]
    assert report.history.latest().history_change_reason == actions.REPORT_FINALISED  # through the workflow

    run("import_report", report_file)
    assert WorkingGroupReport.objects.count() == 1


def test_dry_run_records_nothing(report_file, secretariat):
    factories.group(factories.conference(30, year=2039), number=1)
    data = json.loads(run("import_report", report_file, "--dry-run", "--json"))
    assert data["issues_for_further_work"] == ["How to measure skills gaps deserves more reflection."]
    assert not WorkingGroupReport.objects.exists()


def test_a_report_of_an_unrecorded_group_saves_nothing(report_file, secretariat):
    with pytest.raises(CommandError, match="No Working Group 1"):
        run("import_report", report_file, "--conference", "77")
    assert not WorkingGroupReport.objects.exists()


def test_the_seed_report_of_working_group_2_is_recorded(seeds_dir, secretariat):
    group = WorkingGroup.objects.get(conference__number=19, number=2)  # from the reference data
    path = str(sorted(seeds_dir.glob("003_*.txt"))[0])
    data = json.loads(run("import_report", path, "--dry-run", "--json"))
    run("import_report", path, "--conference", "19")
    report = WorkingGroupReport.objects.get(group=group)
    assert len(WorkingGroupReport.points(report.consensus)) == len(data["consensus"]) == 25
    assert len(WorkingGroupReport.points(report.further_work)) == len(data["issues_for_further_work"]) >= 1
    assert len(WorkingGroupReport.points(report.recommendations)) == 12


def test_an_imported_group_title_keeps_its_case_in_the_docx_and_pdf_report(secretariat):
    text = ENGLISH_PLAN.replace("WORKING GROUP 2:\nSTRONGER LABOR INSTITUTIONS",
                                "WORKING GROUP 2:\nSTRONGER LABOR INSTITUTIONS AFTER COVID-19")
    plan_import(parsed=uploads.parse_plan_text(text), user=secretariat)
    group = WorkingGroup.objects.get(conference__number=30, number=2)
    report = report_draft(group=group, period_start=datetime.date(2040, 1, 1), period_end=datetime.date(2041, 12, 31),
                          language="en", user=secretariat)
    words = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(report_docx(report))).paragraphs)
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(report_pdf(report))).pages)
    assert "Stronger Labor institutions after COVID-19" in words
    assert "Stronger Labor institutions after COVID-19" in pdf
