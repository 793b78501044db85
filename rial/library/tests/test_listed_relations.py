"""A document's topics, countries, files and institutions as every reader shows them: ``Document.topic_list``,
``country_list``, ``file_list`` and ``institution_list``, filled for a whole list by
``DocumentQuerySet.for_list()`` and read alone otherwise."""

import re

import pytest
from django.urls import reverse

from rial.directory.models import Country, Institution
from rial.library import search, services
from rial.library.models import Document
from rial.library.tests import factories as f
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def described(secretariat):
    """A published document with a topic, two countries, an institution and two files."""
    document = f.DocumentFactory(title_en="Described study", topics=[Topic.objects.get(slug="pensions-agreements")])
    document.countries.set(Country.objects.filter(iso2__in=["CL", "AR"]))
    document.institutions.set(Institution.objects.filter(slug="oas-technical-secretariat"))
    services.document_add_file(document=document, user=secretariat, language="en",
                               upload=f.upload("a.pdf", f.pdf_bytes("Totalization of contribution periods")))
    services.document_add_file(document=document, user=secretariat, language="es",
                               upload=f.upload("b.docx", f.docx_bytes("Totalización de períodos")))
    return document


def test_a_listed_document_reads_its_relations_without_a_query(described, django_assert_num_queries):
    files = [(file.language, file.original_name) for file in described.files.all()]
    document = Document.objects.published().for_list().get(pk=described.pk)
    with django_assert_num_queries(0):
        assert [topic.slug for topic in document.topic_list] == ["pensions-agreements"]
        assert {country.iso2 for country in document.country_list} == {"CL", "AR"}
        assert [(file.language, file.original_name) for file in document.file_list] == files
        assert [institution.slug for institution in document.institution_list] == ["oas-technical-secretariat"]


def test_the_list_shows_each_document_with_its_own_files(client, described):
    f.DocumentFactory(title_en="Study without files")
    page = client.get(reverse("library:list")).content.decode()
    card = lambda title: re.search(rf'<li class="card">\s*<h2><a [^>]*>{title}</a>.*?</li>', page, re.S).group(0)  # noqa: E731
    assert '<p class="meta">PDF (English), DOCX (Spanish)</p>' in card("Described study")
    assert "PDF" not in card("Study without files")


def test_the_document_page_shows_its_topics_countries_institutions_and_files(client, described):
    page = client.get(described.get_absolute_url()).content.decode()
    for record in (Topic.objects.get(slug="pensions-agreements"), Country.objects.get(iso2="CL"),
                   Country.objects.get(iso2="AR"), Institution.objects.get(slug="oas-technical-secretariat")):
        assert f'<a href="{record.get_absolute_url()}">{record.name}</a>' in page
    assert ">a.pdf</a>" in page and ">b.docx</a>" in page


def test_the_api_gives_each_document_its_relations(client, described):
    item = client.get("/api/v1/documents").json()["items"][0]
    assert item["topics"] == ["pensions-agreements"] and sorted(item["countries"]) == ["AR", "CL"]
    assert item["institutions"] == ["oas-technical-secretariat"]
    assert [file["name"] for file in item["files"]] == [file.original_name for file in described.files.all()]


def test_the_search_rebuild_gives_the_same_document_as_one_document_read_alone(described):
    alone = search.DocumentSource().document(Document.objects.get(pk=described.pk))
    rebuilt = {document.key: document for document in search.DocumentSource().documents()}[str(described.pk)]
    assert rebuilt == alone
    assert rebuilt.topics == ("pensions-agreements", "social-security") and rebuilt.countries == ("AR", "CL")
    assert "Totalización de períodos" in rebuilt.translations["es"][1]
