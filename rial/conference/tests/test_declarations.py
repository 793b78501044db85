"""Declarations: a page per conference's Declaration (codes, language versions, status), the Secretariat's form,
and the documents' files kept outside public media behind a permission-checked download."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from rial.conference.models import ConferenceDocument
from rial.conference.services import declaration_save, document_set_status
from rial.conference.tests.factories import conference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # private storage sits next to it, in tmp_path/private-media


def _data(**overrides) -> dict:
    data = {"language": "en", "original": "", "title": "Declaration of Test City", "code": "OEA/Ser.K/XII.90.1",
            "cidi_code": "CIDI/TRABAJO/doc.4/90", "revision": 0, "date": "2090-09-21"}
    data.update(overrides)
    return data


def _create(client, number=90, **overrides):
    conference(number)
    return client.post(reverse("conference:declaration_create", kwargs={"number": number}), _data(**overrides))


def test_the_secretariat_records_a_declaration_with_its_file(client, secretariat, tmp_path, settings):
    login(client, secretariat)
    response = _create(client, file=SimpleUploadedFile("declaration.pdf", b"%PDF-1.4 text"))
    declaration = ConferenceDocument.objects.get(kind=ConferenceDocument.Kind.DECLARATION)
    assert response.status_code == 302 and response.url == declaration.get_absolute_url()
    assert declaration.status == ConferenceDocument.Status.DRAFT
    path = declaration.file.path
    assert path.startswith(str(tmp_path / "private-media")) and not path.startswith(str(settings.MEDIA_ROOT))
    page = client.get(declaration.get_absolute_url()).text
    assert "OEA/Ser.K/XII.90.1" in page and "CIDI/TRABAJO/doc.4/90" in page and "Mark as Adopted" in page
    # listed on the conference page
    assert declaration.get_absolute_url() in client.get(reverse("conference:conference", kwargs={"number": 90})).text


def test_the_edit_page_of_a_declaration_with_a_file_links_the_download_view(client, secretariat):
    # A private file has no URL: the form's "Currently" must not ask for one (it raised a 500).
    login(client, secretariat)
    _create(client, file=SimpleUploadedFile("declaration.pdf", b"%PDF-1.4 text"))
    declaration = ConferenceDocument.objects.get()
    response = client.get(reverse("conference:declaration_edit", kwargs={"pk": declaration.pk}))
    assert response.status_code == 200
    assert f'href="{declaration.get_file_url()}"' in response.text and "declaration.pdf" in response.text


def test_a_draft_is_hidden_from_the_public_until_adopted(client, secretariat):
    login(client, secretariat)
    _create(client, file=SimpleUploadedFile("declaration.pdf", b"%PDF-1.4 text"))
    declaration = ConferenceDocument.objects.get()
    client.logout()
    conference_page = reverse("conference:conference", kwargs={"number": 90})
    assert declaration.get_absolute_url() not in client.get(conference_page).text
    download = reverse("conference:document_file", kwargs={"pk": declaration.pk})
    assert client.get(declaration.get_absolute_url()).status_code == 404  # a draft does not exist for them
    assert client.get(download).status_code == 404
    document_set_status(document=declaration, user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert "Download the document" in client.get(declaration.get_absolute_url()).text
    assert declaration.get_absolute_url() in client.get(conference_page).text
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 text"


def test_language_versions_link_to_each_other(client, secretariat):
    login(client, secretariat)
    _create(client)
    english = ConferenceDocument.objects.get()
    response = _create(client, language="es", original=english.pk, title="Declaración de Test City")
    spanish = ConferenceDocument.objects.get(language="es")
    assert response.status_code == 302 and spanish.original == english
    assert spanish.get_absolute_url() in client.get(english.get_absolute_url()).text


@pytest.mark.parametrize("overrides, message", [
    ({"code": "Ser.K 90"}, "for example OEA/Ser.K/XII.21.1"),
    ({"cidi_code": "doc 4"}, "for example CIDI/TRABAJO/doc.5/21"),
    ({"title": ""}, "This field is required"),
    ({"revision": "-1"}, "greater than or equal to 0"),
    ({"date": "yesterday"}, "Enter a valid date"),
    ({"language": "de"}, "Select a valid choice"),
])
def test_bad_declaration_input_saves_nothing(client, secretariat, overrides, message):
    login(client, secretariat)
    response = _create(client, **overrides)
    assert response.status_code == 200 and message in response.text
    assert not ConferenceDocument.objects.exists()


def test_one_declaration_per_language_and_a_version_of_another_language(client, secretariat):
    login(client, secretariat)
    _create(client)
    english = ConferenceDocument.objects.get()
    response = _create(client, title="Again")
    assert "already has its Declaration in that language" in response.text
    response = _create(client, language="en", original=english.pk)
    assert ConferenceDocument.objects.count() == 1
    with pytest.raises(ValidationError, match="another language"):
        declaration_save(document=ConferenceDocument(conference=english.conference, language="en",
                                                     original=english, title="x"), user=secretariat)


def test_editing_keeps_the_status_set_by_the_transitions(client, secretariat):
    login(client, secretariat)
    _create(client)
    declaration = ConferenceDocument.objects.get()
    document_set_status(document=declaration, user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    response = client.post(reverse("conference:declaration_edit", kwargs={"pk": declaration.pk}),
                           _data(title="Declaration of Test City (corrected)", revision=1))
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert (declaration.title, declaration.status, declaration.full_code) == (
        "Declaration of Test City (corrected)", "adopted", "OEA/Ser.K/XII.90.1 rev.1")


def test_others_may_not_create_or_edit(client, secretariat, focal_cl):
    login(client, secretariat)
    _create(client)
    declaration = ConferenceDocument.objects.get()
    login(client, focal_cl)
    assert client.get(reverse("conference:declaration_create", kwargs={"number": 90})).status_code == 403
    assert client.post(reverse("conference:declaration_create", kwargs={"number": 90}),
                       _data(language="es")).status_code == 403
    assert client.post(reverse("conference:declaration_edit", kwargs={"pk": declaration.pk}),
                       _data(title="Hijacked")).status_code == 404
    assert client.get(declaration.get_absolute_url()).status_code == 404  # still a draft
    with pytest.raises(PermissionDenied):
        declaration_save(document=ConferenceDocument(conference=declaration.conference, language="fr", title="x"),
                         user=focal_cl)
    assert ConferenceDocument.objects.get().title == "Declaration of Test City"
