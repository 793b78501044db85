"""The Secretariat's import page: upload → preview of the parsed structure → corrections → save."""

import html as html_module
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from rial.conference.importer.tests.samples import ENGLISH_PLAN, RECIPE
from rial.conference.models import ConferenceDocument, Mandate, WorkingGroup

pytestmark = pytest.mark.django_db


def upload(client, content: bytes, name="plan.txt"):
    # The test queue runs the reading task at once: the redirect leads to the preview (or the refusal).
    return client.post(reverse("conference:import"), {"file": SimpleUploadedFile(name, content)}, follow=True)


def preview_fields(html: str) -> dict:
    """The form the preview shows, as a browser would submit it."""
    data = {}
    for name, value in re.findall(r'<input type="(?:hidden|text|number)" name="([^"]+)" value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = value
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', body)
        data[name] = selected.group(1) if selected else ""
    return {name: html_module.unescape(value) for name, value in data.items()}


def test_only_the_secretariat_may_import(client, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("conference:import")).status_code == 403
    assert client.post(reverse("conference:import_save"), {}).status_code == 403


def test_upload_preview_correct_and_save(client, secretariat):
    login(client, secretariat)
    preview = upload(client, ENGLISH_PLAN.encode())
    assert preview.status_code == 200
    assert "Check the plan before saving" in preview.text and "Map training programs" in preview.text
    assert not ConferenceDocument.objects.exists()

    data = preview_fields(preview.text)
    data["wg2_vice1"] = "Chile"  # the plan wrote COUNTRY: the Secretariat fills in the vice-chair
    data["wg1_a1_text"] = "Map the training programs for new sectors."
    response = client.post(reverse("conference:import_save"), data)
    assert response.status_code == 302

    plan = ConferenceDocument.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    group = WorkingGroup.objects.get(conference__number=30, number=2)
    assert {country.name for country in group.vice_chairs.all()} == {"Chile", "Uruguay"}
    assert Mandate.objects.filter(text_en="Map the training programs for new sectors.").exists()


def test_a_recipe_is_refused_on_the_page(client, secretariat):
    login(client, secretariat)
    response = upload(client, RECIPE.encode())
    assert response.status_code == 200 and "not a Plan of Action" in response.text
    assert not ConferenceDocument.objects.exists()


def test_an_empty_or_binary_upload_is_refused(client, secretariat):
    login(client, secretariat)
    assert "empty" in upload(client, b"").text
    assert "cannot be read" in upload(client, bytes(range(256)) * 40).text
    assert not ConferenceDocument.objects.exists()


def test_a_too_large_upload_is_refused(client, secretariat, settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 1000
    login(client, secretariat)
    assert "the largest accepted is" in upload(client, ENGLISH_PLAN.encode()).text  # rial.core.files.check_size
    assert not ConferenceDocument.objects.exists()


def test_an_altered_preview_is_refused(client, secretariat):
    login(client, secretariat)
    data = preview_fields(upload(client, ENGLISH_PLAN.encode()).text)
    data["payload"] = data["payload"][:-3] + "abc"
    response = client.post(reverse("conference:import_save"), data, follow=True)
    assert "expired or was altered" in response.text
    assert not ConferenceDocument.objects.exists()


def test_a_wrong_correction_saves_nothing(client, secretariat):
    login(client, secretariat)
    data = preview_fields(upload(client, ENGLISH_PLAN.encode()).text)
    data["conference_number"] = "not roman"
    response = client.post(reverse("conference:import_save"), data)
    assert response.status_code == 200 and "Nothing was saved" in response.text
    assert not ConferenceDocument.objects.exists() and not Mandate.objects.exists()
