import pytest

from rial.directory.models import Country
from rial.library import search, services
from rial.library.models import Document
from rial.library.tests import factories as f
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_a_published_document_is_found_by_the_text_of_its_files(secretariat):
    document = f.DocumentFactory(title_en="Agreements study", title_es="Estudio de convenios",
                                 topics=[Topic.objects.get(slug="pensions-agreements")])
    document.countries.set(Country.objects.filter(iso2__in=["CL", "AR"]))
    services.document_add_file(document=document, user=secretariat, language="en",
                               upload=f.upload("a.pdf", f.pdf_bytes("Totalization of contribution periods")))
    services.document_add_file(document=document, user=secretariat, language="es",
                               upload=f.upload("b.docx", f.docx_bytes("Totalización de períodos")))
    result = search.DocumentSource().document(Document.objects.get(pk=document.pk))
    assert result.kind == "document" and result.url == f"/library/{document.pk}/"
    assert "Totalization of contribution periods" in result.body
    assert result.translations["es"][0] == "Estudio de convenios"
    assert "Totalización de períodos" in result.translations["es"][1]
    assert result.countries == ("AR", "CL")
    assert result.topics == ("pensions-agreements", "social-security")
    assert result.year == 2023


def test_a_draft_or_archived_document_is_not_found():
    assert search.DocumentSource().document(f.DocumentFactory(status=Document.Status.DRAFT)) is None
    assert search.DocumentSource().document(f.DocumentFactory(archived_at="2024-01-01T00:00Z")) is None


def test_the_rebuild_yields_published_documents_only():
    published = f.DocumentFactory()
    f.DocumentFactory(status=Document.Status.DRAFT)
    assert [d.key for d in search.DocumentSource().documents()] == [str(published.pk)]
