import pytest

from rial.conference.tests import factories as conference
from rial.library.tests.factories import DocumentFactory
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_a_document_page_links_its_mandates_and_published_programs(client):
    mandate = conference.mandate(conference.plan(), text="Study social security agreements.")
    program = ProgramFactory(name_en="Pension portability")
    draft = ProgramFactory(name_en="Hidden draft", status=Program.Status.DRAFT)
    document = DocumentFactory()
    document.related_mandates.set([mandate])
    document.related_programs.set([program, draft])
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Study social security agreements." in page and mandate.get_absolute_url() in page
    assert "Pension portability" in page and "Hidden draft" not in page


def test_a_program_page_lists_its_published_documents(client):
    program = ProgramFactory()
    DocumentFactory(title_en="Evaluation of the program").related_programs.add(program)
    DocumentFactory(title_en="Unpublished evaluation", status="draft").related_programs.add(program)
    page = client.get(program.get_absolute_url()).content.decode()
    assert "Evaluation of the program" in page and "Unpublished evaluation" not in page
