"""A meeting's conclusions, recorded after the meeting (the meeting itself is not saved again), make it
findable by their words."""

import pytest

from rial.meetings.tests.factories import ConclusionFactory, MeetingFactory
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def meeting_titles(q: str) -> list[str]:
    return [hit.plain_title for hit in search(q=q, filters=Filters(kind=["meeting"])).complete_hits]


def test_a_conclusion_recorded_later_is_found_and_an_edited_one_replaced(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = MeetingFactory(title_en="Quoll meeting")
    with django_capture_on_commit_callbacks(execute=True):
        conclusion = ConclusionFactory(meeting=meeting, text="Harbour inspections should be coordinated.")
    assert meeting_titles("harbour inspections") == ["Quoll meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        conclusion.text = "Mining inspections should be coordinated."
        conclusion.save()
    assert meeting_titles("harbour") == []
    assert meeting_titles("mining inspections") == ["Quoll meeting"]
