"""The Secretariat reviews what institutions submit to the library: a queue, return to the submitter
with the reason (who changes and submits again), publish; each step logged and told to the right
people once, in their language, with a link."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.library import notices, services
from rial.library.models import Document, DocumentTransition
from rial.library.tests.factories import DocumentFactory
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo_draft(ilo_rep):
    return DocumentFactory(title_en="Platform work in the Americas", status=Document.Status.DRAFT,
                           owner_institution=Institution.objects.get(slug="ilo"),
                           source_url="https://example.org/platform-work")


def test_submitting_tells_the_secretariat_once_with_a_link(ilo_draft, ilo_rep, secretariat, focal_cl,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.document_submit(document=ilo_draft, user=ilo_rep)
    [notification] = Notification.objects.filter(kind="library.document.submitted")
    assert notification.user == secretariat
    assert notification.subject == "Document to review: Platform work in the Americas"
    assert notification.url == f"/en/library/{ilo_draft.pk}/"
    assert [message.to for message in mail.outbox] == [[secretariat.email]]
    assert f"/en/library/{ilo_draft.pk}/" in mail.outbox[0].body
    notices.document_submitted(ilo_draft, ilo_draft.transitions.latest("pk"))  # the same step again
    assert Notification.objects.filter(kind="library.document.submitted").count() == 1
    assert not Notification.objects.filter(user__in=[ilo_rep, focal_cl]).exists()


def test_returned_then_resubmitted_then_published_in_the_submitters_language(ilo_draft, ilo_rep, secretariat,
                                                                             cosate_rep):
    colleague = user_with_position("ilo-colleague", Institution.objects.get(slug="ilo"))
    colleague.preferred_language = "es"
    colleague.save()
    services.document_submit(document=ilo_draft, user=ilo_rep)
    services.document_return(document=ilo_draft, user=secretariat, comment="Add the Spanish summary.")
    ilo_draft.refresh_from_db()
    assert (ilo_draft.status, ilo_draft.review_comment) == (Document.Status.RETURNED, "Add the Spanish summary.")
    returned = {n.user: n for n in Notification.objects.filter(kind="library.document.returned")}
    assert set(returned) == {ilo_rep, colleague}  # everyone who answers for the ILO, nobody else
    assert returned[colleague].language == "es"
    assert returned[colleague].subject == "Documento devuelto con comentarios: Platform work in the Americas"
    assert "Add the Spanish summary." in returned[colleague].body
    assert returned[colleague].url == f"/es/library/{ilo_draft.pk}/"
    assert returned[ilo_rep].url == f"/en/library/{ilo_draft.pk}/"
    # The submitter changes the returned document and submits it again: a new round, told again.
    services.document_save(user=ilo_rep, data={"authors": "ILO Regional Office"}, relations={}, document=ilo_draft)
    services.document_submit(document=ilo_draft, user=ilo_rep)
    assert Notification.objects.filter(kind="library.document.submitted").count() == 2
    services.document_publish(document=ilo_draft, user=secretariat)
    ilo_draft.refresh_from_db()
    assert ilo_draft.is_published and ilo_draft.review_comment == ""
    published = {n.user: n for n in Notification.objects.filter(kind="library.document.published")}
    assert set(published) == {ilo_rep, colleague}
    assert published[colleague].subject == "Documento publicado: Platform work in the Americas"
    assert not Notification.objects.filter(user=cosate_rep).exists()
    assert list(ilo_draft.transitions.values_list("action", "from_status", "to_status")) == [
        ("submit", "draft", "submitted"), ("return", "submitted", "returned"),
        ("submit", "returned", "submitted"), ("publish", "submitted", "published")]
    actions = list(ilo_draft.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert "library.document.returned" in actions and actions[-1] == "library.document.published"


def test_a_return_needs_a_reason_and_only_the_secretariat_returns(ilo_draft, ilo_rep, secretariat):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    with pytest.raises(Exception, match="Say what must change"):
        services.document_return(document=ilo_draft, user=secretariat, comment="  ")
    with pytest.raises(Exception) as refused:
        services.document_return(document=ilo_draft, user=ilo_rep, comment="I take it back")
    assert type(refused.value).__name__ == "PermissionDenied"
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.SUBMITTED
    assert not DocumentTransition.objects.filter(action="return").exists()
    assert not Notification.objects.filter(kind="library.document.returned").exists()


def test_the_secretariat_cannot_publish_an_institutions_unsubmitted_draft(ilo_draft, secretariat):
    with pytest.raises(Exception, match="still its institution's draft"):
        services.document_publish(document=ilo_draft, user=secretariat)
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.DRAFT


def test_return_through_the_page_and_the_submitter_sees_the_reason(client, ilo_draft, ilo_rep, secretariat):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    login(client, secretariat)
    page = client.get(ilo_draft.get_absolute_url()).content.decode()
    assert "Return to the submitter" in page
    response = client.post(reverse("library:return", args=[ilo_draft.pk]), {"comment": ""}, follow=True)
    assert "Say what must change" in response.content.decode()
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.SUBMITTED
    client.post(reverse("library:return", args=[ilo_draft.pk]), {"comment": "Cite the survey year."})
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.RETURNED
    client.logout()
    login(client, ilo_rep)
    page = client.get(ilo_draft.get_absolute_url()).content.decode()
    assert "Cite the survey year." in page and "Submit to the Technical Secretariat for review" in page
    assert client.get(reverse("library:edit", args=[ilo_draft.pk])).status_code == 200
    client.post(reverse("library:submit", args=[ilo_draft.pk]))
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.SUBMITTED


@pytest.mark.parametrize("persona", ["ilo_rep", "focal_cl", "member_co"])
def test_only_the_secretariat_returns_or_opens_the_queue(client, request, ilo_draft, ilo_rep, persona):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("library:review_queue")).status_code == 403
    expected = 403 if persona == "ilo_rep" else 404  # the submitter sees it; for others it does not exist
    assert client.post(reverse("library:return", args=[ilo_draft.pk]), {"comment": "x"}).status_code == expected
    ilo_draft.refresh_from_db()
    assert ilo_draft.status == Document.Status.SUBMITTED


def test_the_review_queue_lists_submitted_documents_oldest_first_in_fixed_queries(
        client, secretariat, ilo_rep, django_assert_max_num_queries):
    ilo = Institution.objects.get(slug="ilo")

    def submitted(title):
        document = DocumentFactory(title_en=title, status=Document.Status.DRAFT, owner_institution=ilo,
                                   source_url="https://example.org/x")
        return services.document_submit(document=document, user=ilo_rep)

    first, second = submitted("First submitted"), submitted("Second submitted")
    DocumentFactory(title_en="Already public")
    login(client, secretariat)
    with django_assert_max_num_queries(12) as captured:
        page = client.get(reverse("library:review_queue")).content.decode()
    assert page.index("First submitted") < page.index("Second submitted") and "Already public" not in page
    count = len(captured.captured_queries)
    for n in range(10):
        submitted(f"More {n}")
    services.document_return(document=first, user=secretariat, comment="Shorter summary.")
    with django_assert_max_num_queries(count):
        page = client.get(reverse("library:review_queue")).content.decode()
    assert "More 9" in page and "Returned, waiting for their submitter" in page
    assert page.index("Second submitted") < page.index("First submitted")  # returned: listed below
    assert second.title in page


def test_the_desk_lists_documents_to_review_and_those_returned(client, ilo_draft, ilo_rep, secretariat):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    page = login(client, secretariat).get(reverse("portal:desk")).content.decode()
    assert "Documents to review" in page and "Platform work in the Americas" in page
    assert reverse("library:review_queue") in page
    services.document_return(document=ilo_draft, user=secretariat, comment="Add sources.")
    client.logout()
    page = login(client, ilo_rep).get(reverse("portal:desk")).content.decode()
    assert "Documents returned to you with comments" in page and "Platform work in the Americas" in page


def test_the_api_never_shows_a_document_under_review(client, ilo_draft, ilo_rep):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    assert client.get(f"/api/v1/documents/{ilo_draft.pk}").status_code == 404
    assert client.get("/api/v1/documents").json()["count"] == 0


def test_the_admin_shows_the_review_but_moves_nothing(client, ilo_draft, ilo_rep, secretariat):
    services.document_submit(document=ilo_draft, user=ilo_rep)
    login(client, ilo_rep)
    assert client.get(reverse("admin:library_document_change", args=[ilo_draft.pk])).status_code == 302  # to login
    login(client, secretariat)
    page = client.get(reverse("admin:library_document_change", args=[ilo_draft.pk])).content.decode()
    assert "Submitted for review" in page and 'name="status"' not in page and 'name="review_comment"' not in page
