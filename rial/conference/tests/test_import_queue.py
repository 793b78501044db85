"""The plan upload is read off the request path: the upload stores the file and queues a task; the
uploader's page follows the reading (waiting, being read, failed with the reason) and then shows the
same preview as before, confirmed as before."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import login, user_with_position
from rial.conference import views
from rial.conference.importer import uploads as imports
from rial.conference.importer.tests.samples import ENGLISH_PLAN, RECIPE
from rial.conference.models import ConferenceDocument, Mandate, PlanUpload
from rial.conference.tasks import parse_plan_upload
from rial.conference.tests.test_import_page import preview_fields
from rial.core.storage import private_storage
from rial.core.tests.bombs import zip_bomb
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    """A queue that only records tasks, as the database queue does until the worker takes them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def upload(client, content: bytes, name="plan.txt"):
    return client.post(reverse("conference:import"), {"file": SimpleUploadedFile(name, content)})


def _never(*args, **kwargs):
    raise AssertionError("the plan was read during the request")


def _slow(*args, **kwargs):
    time.sleep(30)


def test_the_upload_returns_at_once_without_reading_the_file(client, secretariat, queued, monkeypatch):
    monkeypatch.setattr(imports, "read_plan_bounded", _never)
    monkeypatch.setattr(imports, "read_document", _never)
    login(client, secretariat)
    response = upload(client, ENGLISH_PLAN.encode())
    plan_upload = PlanUpload.objects.get()
    assert response.status_code == 302 and response["Location"] == plan_upload.get_absolute_url()
    assert plan_upload.status == PlanUpload.Status.QUEUED and plan_upload.uploaded_by == secretariat
    assert private_storage.exists(plan_upload.stored_name)

    page = client.get(plan_upload.get_absolute_url())
    assert page.status_code == 200 and "is waiting to be read" in page.text
    # It reloads itself without a script (the security policy forbids inline script).
    assert f'<meta http-equiv="refresh" content="{views.STATUS_REFRESH_SECONDS}">' in page.text
    assert not re.findall(r"<script(?![^>]*\bsrc=)", page.text) and " onload=" not in page.text
    assert not ConferenceDocument.objects.exists()


def test_the_task_gives_the_same_preview_and_the_save_works_as_before(client, secretariat, queued):
    login(client, secretariat)
    plan_upload = PlanUpload.objects.get(pk=_upload_id(upload(client, ENGLISH_PLAN.encode())))
    PlanUpload.objects.filter(pk=plan_upload.pk).update(status=PlanUpload.Status.PARSING,
                                                        started_at=timezone.now())
    assert "is being read" in client.get(plan_upload.get_absolute_url()).text

    PlanUpload.objects.filter(pk=plan_upload.pk).update(status=PlanUpload.Status.QUEUED)
    assert parse_plan_upload.call(plan_upload.pk) == PlanUpload.Status.READY
    assert parse_plan_upload.call(plan_upload.pk) == "skipped"  # run twice, read once

    page = client.get(plan_upload.get_absolute_url())
    assert "Check the plan before saving" in page.text and "Map training programs" in page.text
    data = preview_fields(page.text)
    direct = imports.parse_plan_text(ENGLISH_PLAN)
    assert signing.loads(data["payload"], salt=views.IMPORT_SALT) == direct.to_dict()
    assert not ConferenceDocument.objects.exists()

    data["wg2_vice1"] = "Chile"
    saved = client.post(reverse("conference:import_save"), data)
    plan = ConferenceDocument.objects.get()
    assert saved.status_code == 302 and saved["Location"] == plan.get_absolute_url()
    assert plan.file.name == plan_upload.stored_name  # the uploaded file is kept with the plan
    assert Mandate.objects.filter(plan=plan).count() > 0


def test_a_failed_reading_shows_the_reason_and_changes_nothing(client, secretariat, queued):
    login(client, secretariat)
    plan_upload = PlanUpload.objects.get(pk=_upload_id(upload(client, RECIPE.encode())))
    assert parse_plan_upload.call(plan_upload.pk) == PlanUpload.Status.FAILED
    page = client.get(plan_upload.get_absolute_url())
    assert "could not be imported. Nothing was saved." in page.text
    assert "not a Plan of Action" in page.text
    assert "http-equiv" not in page.text  # a failed reading does not reload
    assert not ConferenceDocument.objects.exists() and not Mandate.objects.exists()


def test_the_reason_is_in_the_uploaders_language(client, secretariat, queued):
    login(client, secretariat)
    response = client.post("/es" + reverse("conference:import").removeprefix("/en"),
                           {"file": SimpleUploadedFile("plan.txt", RECIPE.encode())}, HTTP_ACCEPT_LANGUAGE="es")
    plan_upload = PlanUpload.objects.get(pk=_upload_id(response))
    parse_plan_upload.call(plan_upload.pk)
    plan_upload.refresh_from_db()
    assert plan_upload.language == "es" and "no es un Plan de Acción" in plan_upload.message


def test_a_reading_over_its_time_is_stopped_with_a_message(client, secretariat, queued, settings, monkeypatch):
    settings.RIAL_PARSE_MAX_SECONDS = 1
    monkeypatch.setattr(imports, "_read_plan", _slow)
    login(client, secretariat)
    plan_upload = PlanUpload.objects.get(pk=_upload_id(upload(client, ENGLISH_PLAN.encode())))
    assert parse_plan_upload.call(plan_upload.pk) == PlanUpload.Status.FAILED
    assert "took longer than 1 seconds" in client.get(plan_upload.get_absolute_url()).text
    assert not ConferenceDocument.objects.exists()


def test_a_reading_interrupted_by_a_stopped_worker_is_shown_and_taken_again(client, secretariat, queued):
    login(client, secretariat)
    plan_upload = PlanUpload.objects.get(pk=_upload_id(upload(client, ENGLISH_PLAN.encode())))
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    PlanUpload.objects.filter(pk=plan_upload.pk).update(status=PlanUpload.Status.PARSING, started_at=long_ago)
    assert "interrupted" in client.get(plan_upload.get_absolute_url()).text
    assert parse_plan_upload.call(plan_upload.pk) == PlanUpload.Status.READY


def test_a_word_bomb_is_refused_on_the_page_and_nothing_is_stored(client, secretariat, queued):
    login(client, secretariat)
    response = upload(client, zip_bomb(600), name="plan.docx")
    assert response.status_code == 200 and "would expand to 600.0\xa0MB" in response.text
    assert not PlanUpload.objects.exists()
    assert not private_storage.exists("conference/uploads") or not private_storage.listdir("conference/uploads")[1]


def test_only_the_uploader_of_the_secretariat_sees_an_upload(client, secretariat, focal_cl, queued):
    login(client, secretariat)
    plan_upload = PlanUpload.objects.get(pk=_upload_id(upload(client, ENGLISH_PLAN.encode())))
    parse_plan_upload.call(plan_upload.pk)
    url = plan_upload.get_absolute_url()

    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    login(client, focal_cl)
    assert client.get(url).status_code == 403
    assert upload(client, ENGLISH_PLAN.encode()).status_code == 403
    colleague = user_with_position("secretariat-2", Institution.objects.get(slug="oas-technical-secretariat"))
    colleague.is_staff = True
    colleague.save()
    from django_otp.plugins.otp_totp.models import TOTPDevice
    TOTPDevice.objects.create(user=colleague, name="test", confirmed=True)
    login(client, colleague)
    assert client.get(url).status_code == 404  # another person's upload is not theirs to preview
    assert PlanUpload.objects.count() == 1


def _upload_id(response) -> int:
    assert response.status_code == 302, response.content[:500]
    return int(re.search(r"/import/(\d+)/", response["Location"]).group(1))
