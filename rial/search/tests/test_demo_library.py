"""The demo library documents are found by their files' text right after `load_demo`, with no task worker."""

import pytest
from django_tasks import default_task_backend

from rial.library import demo
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def test_the_demo_files_are_searchable_by_their_text_without_a_task_worker(settings,
                                                                            django_capture_on_commit_callbacks):
    # As `manage.py load_demo` on a fresh database with nothing working the queue (CI, a first setup).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        demo.load_demo()
    assert default_task_backend.results == []
    # "totalization" is only in the PDF's text, not in the document's title or summary.
    found = search(q="totalization", filters=Filters(kind=["document"])).hits
    assert [hit.plain_title for hit in found] == ["DEMO Study on the portability of pension rights"]
