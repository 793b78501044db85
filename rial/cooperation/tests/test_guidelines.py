"""A call's guidelines file: in private storage, served by a view that follows the call page's rule
(public once the call leaves draft; a draft's only for the Secretariat), never by a /media/ address."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from conftest import login
from rial.cooperation.models import Call
from rial.cooperation.tests.factories import open_call
from rial.core.storage import private_storage

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 guidelines of the call"


def _with_guidelines(call: Call) -> Call:
    call.guidelines.save("guidelines.pdf", ContentFile(PDF))
    return call


@pytest.fixture
def draft_call():
    call = open_call(number=91)
    Call.objects.filter(pk=call.pk).update(state=Call.State.DRAFT)
    call.refresh_from_db()
    return _with_guidelines(call)


@pytest.fixture
def live_call():
    return _with_guidelines(open_call(number=92))


def _download(client, call: Call):
    return client.get(reverse("cooperation:call_guidelines", kwargs={"number": call.number}))


def test_the_file_is_kept_outside_public_media(live_call):
    assert live_call.guidelines.storage is private_storage
    assert Path(private_storage.path(live_call.guidelines.name)).read_bytes() == PDF
    assert not Path(settings.MEDIA_ROOT, live_call.guidelines.name).exists()


def test_the_public_downloads_an_open_calls_guidelines(client, live_call):
    response = _download(client, live_call)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("state", [Call.State.CLOSED, Call.State.EVALUATED, Call.State.PUBLISHED])
def test_guidelines_stay_public_with_the_call_page(client, live_call, state):
    Call.objects.filter(pk=live_call.pk).update(state=state)
    assert _download(client, live_call).status_code == 200


def test_a_draft_calls_guidelines_are_refused_to_the_public_and_other_roles(client, draft_call, focal_cl):
    assert _download(client, draft_call).status_code == 403
    login(client, focal_cl)
    assert _download(client, draft_call).status_code == 403


def test_the_secretariat_downloads_a_draft_calls_guidelines(secretariat_client, draft_call):
    response = _download(secretariat_client, draft_call)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_a_call_without_guidelines_or_with_a_lost_file_gives_404(client, live_call):
    private_storage.delete(live_call.guidelines.name)
    assert _download(client, live_call).status_code == 404
    assert _download(client, open_call(number=93)).status_code == 404


def test_the_call_page_links_the_download_view_not_media(client, live_call):
    page = client.get(live_call.get_absolute_url()).content.decode()
    assert f'href="{live_call.get_guidelines_url()}"' in page
    assert settings.MEDIA_URL + "cooperation/" not in page


def test_the_edit_page_and_the_admin_show_the_current_file_through_the_view(secretariat_client, secretariat,
                                                                             draft_call):
    page = secretariat_client.get(reverse("cooperation:call_edit", kwargs={"number": 91})).content.decode()
    assert f'href="{draft_call.get_guidelines_url()}"' in page and "guidelines.pdf" in page
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    login(secretariat_client, secretariat)
    response = secretariat_client.get(f"/admin/cooperation/call/{draft_call.pk}/change/")
    assert response.status_code == 200
    assert f'href="{draft_call.get_guidelines_url()}"' in response.content.decode()


def test_the_migration_moves_files_uploaded_to_public_media(live_call):
    name = "cooperation/guidelines/older.pdf"
    default_storage.save(name, ContentFile(PDF))
    Call.objects.filter(pk=live_call.pk).update(guidelines=name)
    migration = importlib.import_module("rial.cooperation.migrations.0002_guidelines_private")
    migration.guidelines_to_private(apps, None)
    assert not default_storage.exists(name)
    with private_storage.open(name, "rb") as handle:
        assert handle.read() == PDF
