import pytest

from rial.library import services
from rial.library.models import Document
from rial.library.tests import factories as f
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db
URL = "/api/v1/documents"


def test_it_lists_published_documents_with_their_files(client, secretariat):
    document = f.DocumentFactory(title_en="Agreements study", kind=Document.Kind.STUDY)
    document.related_programs.set([ProgramFactory(), ProgramFactory(status=Program.Status.DRAFT)])
    services.document_add_file(document=document, user=secretariat, language="es",
                               upload=f.upload("estudio.pdf", f.pdf_bytes("convenios")))
    f.DocumentFactory(status=Document.Status.DRAFT)
    body = client.get(URL).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == "Agreements study" and item["url"] == f"/library/{document.pk}/"
    assert len(item["related_programs"]) == 1
    assert item["files"][0]["name"] == "estudio.pdf" and item["files"][0]["text_extracted"] is True
    assert item["files"][0]["download_url"].endswith("/download/")
    assert client.get(f"{URL}/{document.pk}").json()["title"] == "Agreements study"


def test_it_filters_by_kind_topic_country_and_text(client):
    f.DocumentFactory(title_en="Guide", kind=Document.Kind.GUIDE, topics=[Topic.objects.get(slug="osh")])
    f.DocumentFactory(title_en="Study")
    names = lambda params: {item["title"] for item in client.get(URL, params).json()["items"]}  # noqa: E731
    assert names({"kind": "guide"}) == {"Guide"}
    assert names({"topic": "labor"}) == {"Guide"}
    assert names({"q": "stud"}) == {"Study"}
    assert names({"country": "ZZ"}) == set()
    assert names({"topic": "astrology"}) == set()


def test_a_bad_kind_gets_a_422(client):
    assert client.get(URL, {"kind": "poem"}).status_code == 422


def test_a_draft_is_not_served(client):
    draft = f.DocumentFactory(status=Document.Status.DRAFT)
    assert client.get(f"{URL}/{draft.pk}").status_code == 404


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    f.DocumentFactory(topics=[Topic.objects.get(slug="osh")])
    with django_assert_max_num_queries(10) as few:
        client.get(URL)
    for _ in range(15):
        f.DocumentFactory(topics=[Topic.objects.get(slug="osh")])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
