"""A Working Group report read from a document becomes final through the report workflow: it is saved as a
draft, then the ``finalise`` move makes it final, and the history shows both steps."""

import pytest
from django.core.exceptions import PermissionDenied

from rial.conference.importer.tests.samples import REPORT
from rial.conference.importer.uploads import parse_report_text
from rial.conference.tests import factories
from rial.meetings import actions
from rial.meetings.models import WorkingGroupReport
from rial.meetings.services.report import report_record

pytestmark = pytest.mark.django_db


def _steps(report: WorkingGroupReport) -> list[tuple[str, str]]:
    return [(version.history_change_reason, version.status) for version in report.history.order_by("history_id")]


def test_a_recorded_report_is_a_draft_first_and_then_made_final_by_the_move(secretariat):
    factories.group(factories.conference(30, year=2039), number=1)
    report = report_record(parsed=parse_report_text(REPORT), user=secretariat)
    assert report.status == WorkingGroupReport.Status.FINAL
    assert _steps(report) == [(actions.REPORT_RECORDED, "draft"), (actions.REPORT_FINALISED, "final")]


def test_recording_a_final_report_again_replaces_its_text_and_moves_nothing(secretariat):
    factories.group(factories.conference(30, year=2039), number=1)
    report = report_record(parsed=parse_report_text(REPORT), user=secretariat)
    again = report_record(parsed=parse_report_text(REPORT.replace("workshop", "seminar")), user=secretariat)
    assert again.pk == report.pk and again.status == WorkingGroupReport.Status.FINAL
    assert "seminar" in again.recommendations
    assert _steps(again)[-1] == (actions.REPORT_RECORDED, "final")


def test_whoever_may_not_make_a_report_final_records_nothing(secretariat, monkeypatch):
    factories.group(factories.conference(30, year=2039), number=1)
    may = secretariat.has_perm
    monkeypatch.setattr(type(secretariat), "has_perm",
                        lambda user, perm, obj=None: perm != "meetings.change_workinggroupreport" and may(perm, obj))
    with pytest.raises(PermissionDenied):
        report_record(parsed=parse_report_text(REPORT), user=secretariat)
    assert not WorkingGroupReport.objects.exists()
