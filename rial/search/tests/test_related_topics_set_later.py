"""Topics and countries are many-to-many links: setting, adding, removing or clearing them in a transaction
of their own (from either side) updates the record's topic and country facets."""

import datetime

import pytest

from rial.directory.models import Country
from rial.library.models import Document
from rial.meetings.tests.factories import MeetingFactory
from rial.search.query import Filters, search
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def meetings_under(slug: str) -> list[str]:
    return [hit.plain_title for hit in search(q="", filters=Filters(kind=["meeting"], topic=[slug])).hits]


@pytest.fixture
def meeting(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return MeetingFactory(title_en="Numbat workshop")


def test_topics_set_after_the_meeting_was_saved(meeting, django_capture_on_commit_callbacks):
    assert meetings_under("child-labor") == []
    with django_capture_on_commit_callbacks(execute=True):
        meeting.topics.set([Topic.objects.get(slug="child-labor")])
    assert meetings_under("child-labor") == ["Numbat workshop"]


def test_a_meeting_linked_and_unlinked_from_the_topic_side(meeting, django_capture_on_commit_callbacks):
    topic = Topic.objects.get(slug="child-labor")
    with django_capture_on_commit_callbacks(execute=True):
        topic.meetings.add(meeting)
    assert meetings_under("child-labor") == ["Numbat workshop"]
    with django_capture_on_commit_callbacks(execute=True):
        topic.meetings.remove(meeting)
    assert meetings_under("child-labor") == []


def test_cleared_topics_are_no_longer_facets(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting.topics.set(Topic.objects.filter(slug__in=["child-labor", "telework"]))
    assert meetings_under("telework") == ["Numbat workshop"]
    with django_capture_on_commit_callbacks(execute=True):
        meeting.topics.clear()
    assert meetings_under("child-labor") == [] and meetings_under("telework") == []


def test_countries_set_after_a_library_document_was_saved(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.create(title="Bilby study", date=datetime.date(2024, 1, 1),
                                           status=Document.Status.PUBLISHED)
    assert search(q="bilby", filters=Filters(kind=["document"])).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        document.countries.set(Country.objects.filter(iso2="UY"))
    assert search(q="bilby", filters=Filters(kind=["document"], country=["UY"])).total == 1
