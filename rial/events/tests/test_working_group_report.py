"""A working group's final report counts who attended the group's events and how they rated them."""

import datetime

import pytest

from rial.conference.tests import factories as conference
from rial.events.services import attendance_record, evaluation_answer, register_self
from rial.events.tests.factories import make_event
from rial.meetings.services.report import report_draft

pytestmark = pytest.mark.django_db


def test_event_attendance_and_evaluations_reach_the_working_group_report(member_co, focal_br, secretariat):
    plan = conference.plan(number=94)
    group = conference.group(plan.conference, number=1)
    event = make_event(days_ahead=30, title="Workshop of the group")
    event.meeting.working_groups.add(group)
    first, second = register_self(event=event, user=member_co), register_self(event=event, user=focal_br)
    event.meeting.start_date = event.meeting.end_date = datetime.date(2024, 3, 5)
    event.meeting.save()
    attendance_record(event=event, user=secretariat, attended_ids=[first.pk, second.pk])
    first.refresh_from_db()
    second.refresh_from_db()
    evaluation_answer(registration=first, user=member_co, objectives_met=5, usefulness=4, organisation=4)
    evaluation_answer(registration=second, user=focal_br, objectives_met=4, usefulness=4, organisation=3)

    report = report_draft(group=group, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31),
                          language="en", user=secretariat)
    assert "2 people attended the group's events." in report.introduction
    assert ("2 evaluations were answered: objectives met 4.5, usefulness 4.0, organisation 3.5 (averages out of 5)."
            in report.introduction)
    spanish = report_draft(group=group, period_start=datetime.date(2024, 1, 1),
                           period_end=datetime.date(2024, 12, 31), language="es", user=secretariat)
    assert "4,5" in spanish.introduction


def test_a_group_without_events_gets_no_events_paragraph(secretariat):
    plan = conference.plan(number=95)
    group = conference.group(plan.conference, number=1)
    report = report_draft(group=group, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31),
                          language="en", user=secretariat)
    assert "attended the group's events" not in report.introduction
