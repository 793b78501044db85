import pytest

from rial.directory import demo as directory_demo
from rial.library import demo
from rial.library.models import Document, DocumentFile
from rial.portfolio import demo as portfolio_demo
from rial.portfolio.models import Program

pytestmark = pytest.mark.django_db


def test_the_demo_data_loads_twice_without_duplicates_and_is_marked_demo():
    for _ in range(2):
        portfolio_demo.load_demo()
        demo.load_demo()
    assert Document.objects.count() == 2 and all(d.is_demo and "DEMO" in d.title for d in Document.objects.all())
    assert DocumentFile.objects.filter(extraction=DocumentFile.Extraction.DONE).count() == 2
    assert Program.objects.count() == 6 and all(p.is_demo and "DEMO" in p.name for p in Program.objects.all())


def test_the_demo_has_a_partners_study_waiting_for_review_once():
    directory_demo.load_demo()
    for _ in range(2):
        demo.load_demo()
    waiting = Document.objects.get(status=Document.Status.SUBMITTED)
    assert waiting.is_demo and waiting.owner_institution.slug == "ilo" and "DEMO" in waiting.title
    assert list(waiting.transitions.values_list("action", flat=True)) == ["submit"]
