"""The plan import as the Secretariat lives it: a draft stays a draft until adopted, titles keep their case,
the preview shows what to correct first, a language version attaches to the same mandates."""

import html

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from conftest import login
from rial.conference.importer import uploads
from rial.conference.importer.parsed import ParsedPlan
from rial.conference.importer.tests.samples import ENGLISH_PLAN, FRENCH_PLAN, seed_text
from rial.conference.models import ConferenceDocument, Mandate, WorkingGroup
from rial.conference.plan_import import plan_import
from rial.conference.services import document_set_status
from rial.conference.tests.test_import_page import preview_fields
from rial.conference.views import IMPORT_SALT

pytestmark = pytest.mark.django_db

DRAFT_PLAN = ENGLISH_PLAN.replace("PLAN OF ACTION OF BRIDGETOWN", "DRAFT PLAN OF ACTION OF BRIDGETOWN").replace(
    "WORKING GROUP 2:\nSTRONGER LABOR INSTITUTIONS", "WORKING GROUP 2:\nSTRONGER LABOR INSTITUTIONS AFTER COVID-19")


def upload(client, text: str):
    # The test queue runs the reading task at once: the redirect leads to the preview.
    return client.post(reverse("conference:import"), {"file": SimpleUploadedFile("plan.txt", text.encode())},
                       follow=True)


def test_a_draft_uploaded_is_saved_as_a_draft_and_adopted_as_a_logged_step(client, secretariat):
    login(client, secretariat)
    preview = upload(client, DRAFT_PLAN)
    data = preview_fields(preview.text)
    assert data["status"] == "draft"
    assert client.post(reverse("conference:import_save"), data).status_code == 302
    plan = ConferenceDocument.objects.get()
    assert plan.status == ConferenceDocument.Status.DRAFT

    document_set_status(document=plan, user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    latest = plan.history.latest()
    assert plan.status == ConferenceDocument.Status.ADOPTED
    assert latest.history_change_reason == "conference.document.adopted" and latest.history_user == secretariat


def test_titles_keep_their_case(secretariat):
    plan_import(parsed=uploads.parse_plan_text(DRAFT_PLAN), user=secretariat)
    second = WorkingGroup.objects.get(conference__number=30, number=2)
    assert second.title_en == "Stronger Labor institutions after COVID-19"
    # A correction typed on the preview is saved exactly as typed.
    parsed = uploads.parse_plan_text(DRAFT_PLAN)
    parsed.working_groups[0].title = "Skills and Jobs for the SDGs"
    plan_import(parsed=parsed, user=secretariat)
    assert WorkingGroup.objects.get(conference__number=30, number=1).title_en == "Skills and Jobs for the SDGs"


def test_the_signed_parse_comes_back_whole():
    parsed = uploads.parse_plan_text(ENGLISH_PLAN)
    payload = signing.dumps(parsed.to_dict(), salt=IMPORT_SALT, compress=True)
    again = ParsedPlan.from_dict(signing.loads(payload, salt=IMPORT_SALT))
    assert again == parsed
    assert uploads.fingerprint(again) == uploads.fingerprint(parsed)


def test_preview_folds_groups_and_opens_the_one_to_correct(client, secretariat):
    login(client, secretariat)
    html = upload(client, ENGLISH_PLAN).text
    assert html.count('<details class="import-group"') == 2
    assert '<details class="import-group">' in html  # group 1: authorities named, nothing to correct
    assert '<details class="import-group" open>' in html  # group 2: its vice-chair is a placeholder
    # An opened group shows its chairs and topics; its activities stay folded (a real plan's ran to 12,500 px).
    assert html.count('<details class="import-activities">') == 2
    # The warnings come before the form.
    assert html.index("To check first") < html.index('name="payload"')


def test_preview_warnings_are_translated(client, secretariat):
    login(client, secretariat)
    with translation.override("es"):
        html = client.post(reverse("conference:import"),
                           {"file": SimpleUploadedFile("plan.txt", ENGLISH_PLAN.encode())}, follow=True).text
    assert "Vicepresidencia 1 del Grupo de Trabajo 2 aún no está designada (marcador &#x27;COUNTRY&#x27;)." in html


def test_upload_page_offers_a_language_version_that_fills_the_same_mandates(client, secretariat):
    english = plan_import(parsed=uploads.parse_plan_text(ENGLISH_PLAN), user=secretariat).document
    login(client, secretariat)
    page = client.get(reverse("conference:plan", args=[english.pk]))
    assert f"?version_of={english.pk}" in page.text
    assert "adding a language version" in client.get(reverse("conference:import") + f"?version_of={english.pk}").text

    preview = upload(client, FRENCH_PLAN)
    assert "saved as a language version of" in preview.text
    mandates = Mandate.objects.count()
    assert client.post(reverse("conference:import_save"), preview_fields(preview.text)).status_code == 302
    french = ConferenceDocument.objects.get(language="fr")
    assert french.original_id == english.pk and Mandate.objects.count() == mandates
    first = Mandate.objects.filter(plan=english).order_by("position").first()
    assert first.text_fr.startswith("Recenser les programmes") and first.text_en.startswith("Map training")
    assert WorkingGroup.objects.get(conference__number=30, number=1).title_fr.startswith("Compétences")


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_the_draft_seed_plans_uploaded_stay_drafts(client, secretariat, prefix):
    text = seed_text(prefix)  # skips without ../shared/seeds
    login(client, secretariat)
    preview = upload(client, text)
    assert client.post(reverse("conference:import_save"), preview_fields(preview.text)).status_code == 302
    plan = ConferenceDocument.objects.get()
    assert plan.status == ConferenceDocument.Status.DRAFT and plan.title.startswith("Draft Plan of Action of ")


def test_a_language_version_words_the_groups_topics_in_its_language(client, secretariat):
    # The topics a group follows were kept in the first plan's language only: /fr/ listed them in English.
    plan_import(parsed=uploads.parse_plan_text(ENGLISH_PLAN), user=secretariat)
    plan_import(parsed=uploads.parse_plan_text(FRENCH_PLAN), user=secretariat)
    group = WorkingGroup.objects.get(conference__number=30, number=1)
    assert "Youth employment" in group.priority_topics_en
    assert any(topic.startswith("L'emploi des jeunes") for topic in group.priority_topics_fr)
    path = group.get_absolute_url().split("/", 2)[2]
    french = html.unescape(client.get(f"/fr/{path}").content.decode())
    assert "L'emploi des jeunes" in french and "Youth employment" not in french
    # A language without its version shows the first plan's words, marked as English.
    portuguese = client.get(f"/pt/{path}").content.decode()
    assert '<ul lang="en"><li>Skills for green jobs</li>' in portuguese
