"""A recorded final report of a Working Group whose meetings have been held gives those meetings' conclusions:
its points are filed under the last meeting it names (the recorded one of that date, else one recorded from
the report), once; a report of meetings still to come files nothing; a report in Portuguese is recorded in
Portuguese."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from rial.conference.importer.tests.samples import PORTUGUESE_REPORT, REPORT
from rial.conference.tests import factories
from rial.meetings.models import Conclusion, Meeting, WorkingGroupReport
from rial.meetings.services.report import report_fill

pytestmark = pytest.mark.django_db

# The sample report with its meetings moved into the past: 3 June 2016 in Kingston, 9 March 2017 in Lima.
PAST_REPORT = REPORT.replace("2040", "2016").replace("2041", "2017")


def record(tmp_path, text: str, *args) -> str:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    call_command("import_report", str(path), *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.fixture
def group():
    return factories.group(factories.conference(70, year=2015), number=1)


def test_the_points_become_conclusions_of_the_last_meeting_recorded_from_the_report(tmp_path, secretariat, group):
    said = record(tmp_path, PAST_REPORT)

    kingston, lima = Meeting.objects.filter(working_groups=group).order_by("start_date")
    assert (kingston.start_date, kingston.city, lima.start_date, lima.city) == (
        datetime.date(2016, 6, 3), "Kingston", datetime.date(2017, 3, 9), "Lima")
    assert lima.kind == Meeting.Kind.WORKING_GROUP and lima.is_published and not lima.verified
    assert lima.title_en == "Meeting of Working Group 1 of the LXX IACML"
    assert lima.title_es.startswith("Reunión del Grupo de Trabajo 1")
    assert list(lima.conclusions.values_list("kind", "number", "text")) == [
        ("consensus", 1, "Delegations agreed that apprenticeships work best with employers involved."),
        ("further_work", 1, "How to measure skills gaps deserves more reflection."),
        ("recommendation", 1, "Create a shared catalogue of apprenticeship programs."),
        ("recommendation", 2, "Hold a workshop on skills forecasting."),
        ("recommendation", 3, "Report on youth employment at the next meeting."),
    ]
    assert not kingston.conclusions.exists()
    assert lima.history.latest().history_change_reason == "meetings.meeting.recorded_from_report"
    assert "5 points filed as conclusions" in said


def test_recording_again_adds_no_meeting_and_no_conclusion(tmp_path, secretariat, group):
    record(tmp_path, PAST_REPORT)
    record(tmp_path, PAST_REPORT)
    assert Meeting.objects.filter(working_groups=group).count() == 2
    assert Conclusion.objects.count() == 5
    assert WorkingGroupReport.objects.count() == 1


def test_a_meeting_already_recorded_on_that_date_receives_the_points(tmp_path, secretariat, group):
    recorded = Meeting.objects.create(title="Second meeting of the group", kind=Meeting.Kind.WORKING_GROUP,
                                      start_date=datetime.date(2017, 3, 8), end_date=datetime.date(2017, 3, 10),
                                      city="Lima", is_published=True)
    recorded.working_groups.set([group])
    Conclusion.objects.create(meeting=recorded, kind="consensus", number=1,
                              text="Delegations agreed that apprenticeships work best with employers involved.")

    record(tmp_path, PAST_REPORT)

    assert Meeting.objects.filter(working_groups=group).count() == 2  # Kingston added, Lima found
    assert list(recorded.conclusions.filter(kind="consensus").values_list("number", flat=True)) == [1]
    assert recorded.conclusions.count() == 5


def test_the_meeting_page_shows_the_conclusions_and_a_draft_from_the_records_gives_the_same_points(
        tmp_path, client, secretariat, group):
    record(tmp_path, PAST_REPORT)
    lima = Meeting.objects.get(working_groups=group, city="Lima")
    assert "How to measure skills gaps deserves more reflection." in client.get(f"/en/meetings/{lima.pk}/").text

    draft = report_fill(WorkingGroupReport(group=group, language="en", period_start=datetime.date(2016, 1, 1),
                                           period_end=datetime.date(2017, 12, 31)))
    recorded = WorkingGroupReport.objects.get()
    assert (draft.consensus, draft.further_work, draft.recommendations) == (
        recorded.consensus, recorded.further_work, recorded.recommendations)


def test_a_report_of_meetings_still_to_come_files_no_conclusion(tmp_path, secretariat):
    factories.group(factories.conference(30, year=2039), number=1)
    said = record(tmp_path, REPORT)
    assert WorkingGroupReport.objects.count() == 1
    assert not Meeting.objects.filter(start_date__year__gte=2040).exists()
    assert not Conclusion.objects.exists()
    assert "stay in the report only" in said


def test_a_portuguese_report_is_recorded_in_portuguese_with_its_conclusions(tmp_path, secretariat):
    group = factories.group(factories.conference(71, year=2015), number=2)
    record(tmp_path, PORTUGUESE_REPORT.replace("2040", "2016").replace("2041", "2017"))
    report = WorkingGroupReport.objects.get(group=group)
    assert report.language == "pt" and report.title.startswith("Relatório final")
    montevideo = Meeting.objects.get(working_groups=group, start_date=datetime.date(2017, 9, 14))
    assert montevideo.city == "Montevidéu"
    assert montevideo.conclusions.filter(kind="further_work").get().text == (
        "A mediação setorial merece mais reflexão e trabalho futuro.")
