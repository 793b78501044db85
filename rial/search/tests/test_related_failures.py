"""A failure to find or index the records a related row names is logged and never undoes the row's change."""

import logging

import pytest

from rial.core.searchable import SearchSource
from rial.meetings.models import Conclusion, Meeting
from rial.meetings.tests.factories import ConclusionFactory, MeetingFactory
from rial.search import signals

pytestmark = pytest.mark.django_db


def broken(conclusion):
    raise RuntimeError("the source's function is broken")


class BrokenSource(SearchSource):
    kinds = {"meeting": "Meetings"}
    models = [Meeting]
    related = {Conclusion: broken}

    def document(self, record):
        return None


@pytest.fixture
def broken_source():
    source = BrokenSource()
    signals.connect(source)
    try:
        yield source
    finally:
        signals.disconnect(source)


def test_saving_and_deleting_a_related_row_still_work(broken_source, caplog, django_capture_on_commit_callbacks):
    with caplog.at_level(logging.ERROR, logger="rial.search"):
        with django_capture_on_commit_callbacks(execute=True):
            conclusion = ConclusionFactory(meeting=MeetingFactory())
        assert Conclusion.objects.filter(pk=conclusion.pk).exists()
        with django_capture_on_commit_callbacks(execute=True):
            conclusion.delete()
        assert not Conclusion.objects.filter(pk=conclusion.pk).exists()
    messages = [record.getMessage() for record in caplog.records if record.name == "rial.search"]
    assert any("meetings.Conclusion" in message for message in messages)
    assert any("BrokenSource" in message for message in messages)
