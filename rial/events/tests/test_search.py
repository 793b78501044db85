"""Published events are described to the one search box; unpublished ones are not."""

import pytest

from rial.core.searchable import registered
from rial.events.search import EventSource
from rial.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_published_events_are_search_documents():
    assert any(isinstance(source, EventSource) for source in registered())
    event = make_event(title="Dialogue of the gender units", kind="dialogue")
    event.target_participants = "Heads of the ministries' gender units"
    document = EventSource().document(event)
    assert (document.kind, document.url, document.title) == ("event", f"/events/{event.pk}/", "Dialogue of the gender units")
    assert "gender units" in document.body
    assert EventSource().document(make_event(is_published=False)) is None
    assert [d.key for d in EventSource().documents()].count(str(event.pk)) == 1
