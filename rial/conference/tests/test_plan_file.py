"""The uploaded plan file stays with its document, outside public media, served through a permission check."""

import pytest
from django.core import signing
from django.urls import reverse

from conftest import login
from rial.conference.importer.tests.samples import ENGLISH_PLAN
from rial.conference.models import ConferenceDocument
from rial.conference.tests.test_import_page import preview_fields, upload
from rial.conference.views import FILE_SALT, _staged_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_imported_file_is_kept_and_shown_on_the_plan_page(client, secretariat, tmp_path):
    login(client, secretariat)
    data = preview_fields(upload(client, ENGLISH_PLAN.encode(), name="plan-xxx.txt").text)
    assert "file_token" in data
    response = client.post(reverse("conference:import_save"), data)
    assert response.status_code == 302
    plan = ConferenceDocument.objects.get()
    assert plan.file.path.startswith(str(tmp_path / "private-media"))
    download = reverse("conference:document_file", kwargs={"pk": plan.pk})
    assert download in client.get(plan.get_absolute_url()).text
    assert b"".join(client.get(download).streaming_content) == ENGLISH_PLAN.encode()

    ConferenceDocument.objects.filter(pk=plan.pk).update(status=ConferenceDocument.Status.DRAFT)
    client.logout()
    assert client.get(download).status_code == 404
    assert download not in client.get(plan.get_absolute_url()).text
    ConferenceDocument.objects.filter(pk=plan.pk).update(status=ConferenceDocument.Status.ADOPTED)
    assert client.get(download).status_code == 200


def test_a_forged_file_token_attaches_nothing(client, secretariat, tmp_path):
    login(client, secretariat)
    data = preview_fields(upload(client, ENGLISH_PLAN.encode()).text)
    data["file_token"] = signing.dumps("../../etc/passwd", salt="another-salt")
    assert client.post(reverse("conference:import_save"), data).status_code == 302
    assert not ConferenceDocument.objects.get().file
    # a well-signed name of a file that is not there is not attached either
    assert _staged_file(signing.dumps("conference/uploads/missing.txt", salt=FILE_SALT)) is None


def test_a_refused_upload_keeps_no_file(client, secretariat, tmp_path):
    login(client, secretariat)
    assert upload(client, b"Mix flour and eggs.", name="recipe.txt").status_code == 200
    assert not (tmp_path / "private-media").exists() or not any((tmp_path / "private-media").rglob("*.txt"))


def test_the_admin_links_the_private_file_through_the_download_view(client, secretariat):
    login(client, secretariat)
    client.post(reverse("conference:import_save"), preview_fields(upload(client, ENGLISH_PLAN.encode()).text))
    plan = ConferenceDocument.objects.get()
    page = client.get(reverse("admin:conference_conferencedocument_change", args=[plan.pk]))
    assert page.status_code == 200
    assert reverse("conference:document_file", kwargs={"pk": plan.pk}) in page.text
