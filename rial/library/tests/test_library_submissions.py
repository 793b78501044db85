"""Partner organizations, the advisory bodies and ministries submit documents to the library for the
Secretariat's review, as ministries submit programs (role × path)."""

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.library.models import Document

pytestmark = pytest.mark.django_db

NEW = {"title": "Study on platform work", "summary": "", "kind": "study", "authors": "ILO",
       "date": "2026-03-01", "language": "en", "source_url": "https://example.org/study"}


@pytest.fixture
def ceatal_rep(db):
    return user_with_position("ceatal-rep", Institution.objects.get(slug="ceatal"))


@pytest.mark.parametrize(("persona", "slug"), [("ilo_rep", "ilo"), ("cosate_rep", "cosate"),
                                               ("ceatal_rep", "ceatal"), ("focal_cl", "ministry-cl")])
def test_a_submitter_drafts_and_submits_then_the_secretariat_publishes(client, request, secretariat, persona, slug):
    login(client, request.getfixturevalue(persona))
    assert client.post(reverse("library:create"), NEW).status_code == 302
    document = Document.objects.get(title_en="Study on platform work")
    assert (document.status, document.owner_institution.slug) == (Document.Status.DRAFT, slug)
    assert client.get(document.get_absolute_url()).status_code == 200  # their own draft
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Submit to the Technical Secretariat for review" in page
    client.post(reverse("library:submit", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.SUBMITTED
    # Submitted: no more changes by the submitter, no publishing either.
    assert client.get(reverse("library:edit", args=[document.pk])).status_code == 403
    assert client.post(reverse("library:publish", args=[document.pk])).status_code == 403
    # The public does not see it; the Secretariat publishes it.
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 404
    login(client, secretariat)
    client.post(reverse("library:publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED


@pytest.mark.parametrize("persona", ["member_co", "cosate_rep", "focal_br"])
def test_others_neither_see_nor_submit_a_draft(client, request, ilo_rep, persona):
    login(client, ilo_rep)
    client.post(reverse("library:create"), NEW)
    document = Document.objects.get(title_en="Study on platform work")
    client.logout()
    login(client, request.getfixturevalue(persona))
    # An unpublished document does not exist for those who may not see it.
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.post(reverse("library:submit", args=[document.pk])).status_code == 404
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT


def test_a_ministry_official_who_is_not_a_focal_point_cannot_submit(client, member_co):
    login(client, member_co)
    assert client.get(reverse("library:create")).status_code == 403
