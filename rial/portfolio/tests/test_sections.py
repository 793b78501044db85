import pytest

from rial.library.tests.factories import DocumentFactory
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, ministry
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_the_country_page_lists_its_published_programs_and_documents(client):
    ProgramFactory(name_en="Chile program")
    ProgramFactory(name_en="Chile draft", status=Program.Status.DRAFT)
    ProgramFactory(name_en="Brazil program", ministry=ministry("BR"))
    document = DocumentFactory(title_en="Chile study")
    document.countries.set([ministry("CL").country])
    page = client.get("/en/countries/cl/").content.decode()
    assert "Chile program" in page and "Chile study" in page
    assert "Chile draft" not in page and "Brazil program" not in page


def test_the_topic_page_of_an_area_lists_programs_and_documents_of_its_subtopics(client):
    ProgramFactory(name_en="Youth program", topics=["youth-employment"])
    DocumentFactory(title_en="Youth study", topics=[Topic.objects.get(slug="youth-employment")])
    page = client.get("/en/topics/employment/").content.decode()
    assert "Youth program" in page and "Youth study" in page
