import pytest
from django.urls import reverse

from conftest import login
from rial.library import services
from rial.library.models import Document, DocumentFile
from rial.library.tests import factories as f
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db
URL = reverse("library:list")


def _titles(response) -> set[str]:
    return {document.title for document in response.context["page"]}


def test_the_list_shows_published_documents_and_filters_them(client):
    f.DocumentFactory(title_en="Agreements study", kind=Document.Kind.STUDY,
                      topics=[Topic.objects.get(slug="pensions-agreements")])
    f.DocumentFactory(title_en="Return to work guide", kind=Document.Kind.GUIDE)
    f.DocumentFactory(title_en="Unpublished", status=Document.Status.DRAFT)
    assert _titles(client.get(URL)) == {"Agreements study", "Return to work guide"}
    assert _titles(client.get(URL, {"kind": "guide"})) == {"Return to work guide"}
    assert _titles(client.get(URL, {"topic": "social-security"})) == {"Agreements study"}
    assert _titles(client.get(URL, {"q": "return WORK"})) == {"Return to work guide"}


@pytest.mark.parametrize("params", [{"kind": "nonsense"}, {"topic": "x"}, {"country": "ZZZ"}, {"q": "\"*(NEAR"},
                                    {"q": "y" * 10_000}, {"page": "999"}])
def test_bad_filters_give_a_page(client, params):
    f.DocumentFactory()
    assert client.get(URL, params).status_code == 200


def test_the_list_runs_a_constant_number_of_queries(client, secretariat, django_assert_max_num_queries):
    topic = Topic.objects.get(slug="labor-inspection")
    for _ in range(2):
        document = f.DocumentFactory(topics=[topic])
        services.document_add_file(document=document, user=secretariat, upload=f.upload("a.pdf", f.pdf_bytes()),
                                   language="en")
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    for _ in range(20):
        f.DocumentFactory(topics=[topic])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_an_unpublished_document_and_its_files_are_not_public(client, secretariat, focal_cl):
    document = f.DocumentFactory(status=Document.Status.DRAFT)
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload("a.pdf", f.pdf_bytes()),
                                      language="en")
    # Unpublished, it does not exist for those who may not see it: 404, as for programs.
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(kept.get_download_url()).status_code == 404
    login(client, focal_cl)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(kept.get_download_url()).status_code == 404
    assert client.get(reverse("library:edit", args=[document.pk])).status_code == 404


def test_a_published_document_is_downloadable_by_anyone(client, secretariat):
    document = f.DocumentFactory()
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload("a.pdf", f.pdf_bytes()),
                                      language="en")
    response = client.get(kept.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="a.pdf"' in response["Content-Disposition"]


def test_files_are_not_under_the_public_media_url(secretariat, settings):
    document = f.DocumentFactory(status=Document.Status.DRAFT)
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload("a.pdf", f.pdf_bytes()),
                                      language="en")
    assert not str(kept.file.path).startswith(str(settings.MEDIA_ROOT))


def test_the_secretariat_creates_uploads_and_publishes_through_the_pages(secretariat_client):
    response = secretariat_client.post(reverse("library:create"), {
        "title": "Analysis of agreements", "summary": "", "kind": "study", "authors": "OAS, CISS",
        "date": "2023-04-01", "language": "en", "source_url": ""})
    document = Document.objects.get(title_en="Analysis of agreements")
    assert response.status_code == 302
    response = secretariat_client.post(reverse("library:upload", args=[document.pk]), {
        "file": f.upload("study.docx", f.docx_bytes()), "language": "es"}, follow=True)
    assert "its text is being read" in response.content.decode()
    secretariat_client.post(reverse("library:publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED


def test_a_wrong_file_through_the_page_gives_a_message(secretariat_client):
    document = f.DocumentFactory()
    response = secretariat_client.post(reverse("library:upload", args=[document.pk]), {
        "file": f.upload("x.pdf", b"just text"), "language": "en"}, follow=True)
    assert "Nothing was saved: " in response.content.decode()  # rial.core.forms.add_service_message
    assert not DocumentFile.objects.exists()


@pytest.mark.parametrize("data,field", [
    ({"title": ""}, "title"), ({"date": "yesterday"}, "date"), ({"kind": "poem"}, "kind"),
    ({"source_url": "not a url at all"}, "source_url"),
])
def test_bad_metadata_is_refused(secretariat_client, data, field):
    post = {"title": "T", "summary": "", "kind": "study", "authors": "", "date": "2023-01-01", "language": "en",
            "source_url": "", **data}
    response = secretariat_client.post(reverse("library:create"), post)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Document.objects.exists()


@pytest.mark.parametrize(("persona", "may_submit"), [("focal_cl", True), ("member_co", False), ("ilo_rep", True)])
def test_only_the_secretariat_publishes(client, request, persona, may_submit):
    # Those who speak for an institution submit documents for review (test_library_submissions.py).
    document = f.DocumentFactory(status=Document.Status.DRAFT, source_url="https://example.org")
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("library:create")).status_code == (200 if may_submit else 403)
    assert client.post(reverse("library:publish", args=[document.pk])).status_code == 404  # unseen draft
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT
    public = f.DocumentFactory(source_url="https://example.org")
    assert client.post(reverse("library:unpublish", args=[public.pk])).status_code == 403
    public.refresh_from_db()
    assert public.is_published


def test_publishing_needs_a_file_or_a_link(secretariat_client):
    document = f.DocumentFactory(status=Document.Status.DRAFT)
    response = secretariat_client.post(reverse("library:publish", args=[document.pk]), follow=True)
    assert "Add a file or a source link" in response.content.decode()
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT
