import datetime

import pytest

from rial.meetings import search
from rial.meetings.models import Meeting
from rial.meetings.tests.factories import ConclusionFactory, MeetingFactory
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_published_meetings_are_documents_with_conclusions_countries_and_topics():
    meeting = MeetingFactory(title_en="Inspection meeting", title_es="Reunión sobre inspección", agenda="Panels")
    meeting.topics.add(Topic.objects.get(slug="labor-inspection"))
    ConclusionFactory(meeting=meeting, text="Inspection needs resources.")
    document = search.MeetingSource().document(meeting)
    assert document.kind == "meeting" and document.title == "Inspection meeting"
    assert "Inspection needs resources." in document.body
    assert document.translations["es"][0] == "Reunión sobre inspección"
    assert document.topics == ("labor-inspection",) and document.year == 2026


def test_drafts_are_not_found():
    assert search.MeetingSource().document(MeetingFactory(is_published=False)) is None
    keys = {document.key for document in search.MeetingSource().documents()}
    assert len(keys) == Meeting.objects.published().count()


def test_the_country_page_lists_meetings_it_hosted(client):
    page = client.get("/en/countries/py/").content.decode()
    assert "Meetings hosted" in page
    assert "Second meeting of Working Group 2 of the XIX IACML" in page
    assert Meeting.objects.get(start_date=datetime.date(2017, 4, 28)).country.iso2 == "PY"


def test_the_topic_page_lists_meetings_on_it(client):
    meeting = MeetingFactory(title_en="Child labor panel")
    meeting.topics.add(Topic.objects.get(slug="child-labor"))
    page = client.get("/en/topics/child-labor/").content.decode()
    assert "Child labor panel" in page
