import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int = 0) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def meeting_post(**overrides) -> dict:
    data = {"title_en": "Third meeting of Working Group 1", "kind": "working_group", "start_date": "2026-09-01",
            "end_date": "2026-09-02", "time_zone": "America/Panama", "city": "Panama City",
            "agenda": "Opening\nPanels", "is_published": "on"}
    for prefix in ("participants", "questions", "conclusions", "documents"):
        data.update(management(prefix))
    data.update(overrides)
    return data


def test_the_secretariat_adds_a_meeting_with_participants_and_conclusions(secretariat_client):
    chile = Institution.objects.get(slug="ministry-cl")
    data = meeting_post(**management("participants", 1), **management("conclusions", 1), **{
        "participants-0-institution": str(chile.pk), "participants-0-role": "head", "participants-0-attended": "on",
        "conclusions-0-kind": "consensus", "conclusions-0-number": "1",
        "conclusions-0-text": "Inspection needs more resources.",
    })
    response = secretariat_client.post(reverse("meetings:add"), data)
    meeting = Meeting.objects.get(title_en="Third meeting of Working Group 1")
    assert response.status_code == 302
    assert meeting.participants.get().institution == chile
    assert meeting.conclusions.get().text == "Inspection needs more resources."
    assert meeting.history.first().history_change_reason == "meetings.meeting.saved"


def test_a_focal_point_cannot_edit_meetings(client, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("meetings:add")).status_code == 403
    assert client.post(reverse("meetings:add"), meeting_post()).status_code == 403
    assert not Meeting.objects.filter(title_en="Third meeting of Working Group 1").exists()


def test_dates_out_of_order_are_refused_and_nothing_is_saved(secretariat_client):
    response = secretariat_client.post(reverse("meetings:add"), meeting_post(end_date="2026-08-01"))
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not Meeting.objects.filter(title_en="Third meeting of Working Group 1").exists()


def test_a_meeting_needs_a_city_unless_virtual(secretariat_client):
    response = secretariat_client.post(reverse("meetings:add"), meeting_post(city=""))
    assert "Give the city, or mark the meeting as virtual." in response.content.decode()
    assert not Meeting.objects.filter(title_en="Third meeting of Working Group 1").exists()


def test_a_bad_conclusion_rolls_back_the_whole_meeting(secretariat_client):
    data = meeting_post(**management("conclusions", 1), **{
        "conclusions-0-kind": "nonsense", "conclusions-0-number": "1", "conclusions-0-text": "x"})
    secretariat_client.post(reverse("meetings:add"), data)
    assert not Meeting.objects.filter(title_en="Third meeting of Working Group 1").exists()


def test_a_document_of_the_wrong_type_is_refused(secretariat_client):
    data = meeting_post(**management("documents", 1), **{
        "documents-0-title": "Agenda", "documents-0-kind": "agenda", "documents-0-language": "en",
        "documents-0-file": SimpleUploadedFile("agenda.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
    })
    response = secretariat_client.post(reverse("meetings:add"), data)
    assert "Only PDF, Word, Excel" in response.content.decode()
    assert not Meeting.objects.filter(title_en="Third meeting of Working Group 1").exists()


def test_a_public_document_can_be_downloaded_and_a_private_one_cannot(client, secretariat_client):
    data = meeting_post(**management("documents", 2), **{
        "documents-0-title": "Agenda", "documents-0-kind": "agenda", "documents-0-language": "en",
        "documents-0-is_public": "on",
        "documents-0-file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
        "documents-1-title": "Internal note", "documents-1-kind": "other", "documents-1-language": "es",
        "documents-1-file": SimpleUploadedFile("note.txt", b"internal", content_type="text/plain"),
    })
    secretariat_client.post(reverse("meetings:add"), data)
    meeting = Meeting.objects.get(title_en="Third meeting of Working Group 1")
    public = meeting.documents.get(title="Agenda")
    private = meeting.documents.get(title="Internal note")
    client.logout()
    assert client.get(reverse("meetings:document", args=[public.pk])).status_code == 200
    assert client.get(reverse("meetings:document", args=[private.pk])).status_code == 404
