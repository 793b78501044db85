import pytest

from rial.portfolio import search, services
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_a_published_program_gives_its_document_with_translations_country_topics_and_year():
    program = ProgramFactory(name_en="", summary_en="", name_es="Inspección digital", summary_es="Planifica inspecciones.",
                             name_pt="Inspeção digital", topics=["labor-inspection"], populations=["labor-officials"])
    document = search.ProgramSource().document(program)
    assert document.kind == "program" and document.key == str(program.pk)
    assert document.url == f"/programs/{program.pk}/"
    assert document.language == "es" and document.title == "Inspección digital"
    assert "Planifica inspecciones." in document.body
    assert "Funcionarios e inspectores" in document.body  # the population, in the document's language
    assert document.translations["pt"][0] == "Inspeção digital"
    assert document.countries == ("CL",)
    assert document.topics == ("labor", "labor-inspection")
    assert document.year == 2022


@pytest.mark.parametrize("status", [Program.Status.DRAFT, Program.Status.SUBMITTED, Program.Status.RETURNED])
def test_an_unpublished_program_is_not_found(status):
    assert search.ProgramSource().document(ProgramFactory(status=status)) is None


def test_an_archived_program_or_a_pending_update_is_not_found(focal_cl):
    assert search.ProgramSource().document(ProgramFactory(archived_at="2024-01-01T00:00Z")) is None
    revision = services.program_start_revision(program=ProgramFactory(), user=focal_cl)
    assert search.ProgramSource().document(revision) is None


def test_the_rebuild_yields_published_programs_only():
    published = ProgramFactory()
    ProgramFactory(status=Program.Status.DRAFT)
    assert [d.key for d in search.ProgramSource().documents()] == [str(published.pk)]
    assert [Program] == search.ProgramSource.models and "program" in search.ProgramSource.kinds
