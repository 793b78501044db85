"""Meeting documents and consultation documents live in private storage: only their permission-checked
views serve them, so a non-public document or an unpublished meeting's has no /media/ address."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from conftest import login
from rial.core.storage import private_storage
from rial.meetings.models import Consultation, MeetingDocument
from rial.meetings.tests.factories import MeetingFactory
from rial.meetings.tests.test_consultation import open_consultation

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 agenda"


def _document(*, is_public=True, is_published=True) -> MeetingDocument:
    document = MeetingDocument(meeting=MeetingFactory(is_published=is_published), title="Agenda",
                               kind=MeetingDocument.Kind.AGENDA, is_public=is_public)
    document.file.save("agenda.pdf", ContentFile(PDF))
    return document


def _consultation(secretariat) -> Consultation:
    consultation = open_consultation(secretariat)
    consultation.document.save("plan.pdf", ContentFile(PDF))
    return consultation


def _bytes(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def test_files_are_kept_outside_public_media(secretariat):
    for stored in (_document().file, _consultation(secretariat).document):
        assert stored.storage is private_storage
        assert not Path(settings.MEDIA_ROOT, stored.name).exists()
        assert Path(private_storage.path(stored.name)).read_bytes() == PDF


def test_a_public_document_of_a_published_meeting_is_public(client):
    document = _document()
    assert _bytes(client.get(document.get_download_url())) == PDF
    page = client.get(document.meeting.get_absolute_url()).content.decode()
    assert f'href="{document.get_download_url()}"' in page and settings.MEDIA_URL + "meetings/" not in page


@pytest.mark.parametrize("kwargs", [{"is_public": False}, {"is_published": False}])
def test_a_restricted_document_is_refused_to_the_public_and_read_by_the_secretariat(client, secretariat, kwargs):
    document = _document(**kwargs)
    assert client.get(document.get_download_url()).status_code == 404  # it does not exist for the public
    login(client, secretariat)
    assert _bytes(client.get(document.get_download_url())) == PDF


def test_a_consultation_document_is_for_those_who_see_the_consultation(client, secretariat, ilo_rep):
    consultation = _consultation(secretariat)
    assert client.get(consultation.get_document_url()).status_code == 302  # to the login page
    login(client, ilo_rep)
    assert client.get(consultation.get_document_url()).status_code == 403
    login(client, secretariat)
    assert _bytes(client.get(consultation.get_document_url())) == PDF


def test_a_lost_file_gives_404(client):
    document = _document()
    private_storage.delete(document.file.name)
    assert client.get(document.get_download_url()).status_code == 404


def test_edit_pages_and_the_admin_link_the_download_views(secretariat_client, secretariat):
    document, consultation = _document(), _consultation(secretariat)
    page = secretariat_client.get(f"/en/meetings/{document.meeting.pk}/edit/").content.decode()
    assert f'href="{document.get_download_url()}"' in page
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    login(secretariat_client, secretariat)
    for url, link in ((f"/admin/meetings/meeting/{document.meeting.pk}/change/", document.get_download_url()),
                      (f"/admin/meetings/consultation/{consultation.pk}/change/", consultation.get_document_url())):
        response = secretariat_client.get(url)
        assert response.status_code == 200, url
        assert f'href="{link}"' in response.content.decode()


def test_the_migration_moves_files_uploaded_to_public_media():
    document = _document()
    name = "meetings/documents/2024/older.pdf"
    default_storage.save(name, ContentFile(PDF))
    MeetingDocument.objects.filter(pk=document.pk).update(file=name)
    importlib.import_module("rial.meetings.migrations.0003_documents_private").files_to_private(apps, None)
    assert not default_storage.exists(name)
    with private_storage.open(name, "rb") as handle:
        assert handle.read() == PDF
