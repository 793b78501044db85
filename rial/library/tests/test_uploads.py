"""Uploads: the real type comes from the content, the size is limited, bad files are refused or kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rial.core.files import max_upload_bytes
from rial.library import services
from rial.library.models import DocumentFile
from rial.library.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name,content,file_type,text", [
    ("study.pdf", f.pdf_bytes(), "pdf", "Labor inspection in the Americas"),
    ("protocol.docx", f.docx_bytes(), "docx", "Return to work protocol"),
    ("figures.xlsx", f.xlsx_bytes(), "xlsx", "Domestic workers registered"),
    ("slides.pptx", f.pptx_bytes(), "pptx", "Hemispheric workshop on gender"),
    # The name lies; the content decides.
    ("really-a-docx.pdf", f.docx_bytes(), "docx", "Return to work protocol"),
])
def test_each_accepted_type_is_kept_and_its_text_extracted(secretariat, name, content, file_type, text):
    document = f.DocumentFactory()
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload(name, content),
                                      language="en")
    kept.refresh_from_db()
    assert kept.file_type == file_type
    assert kept.extraction == DocumentFile.Extraction.DONE
    assert text in kept.text


@pytest.mark.parametrize("name,content,message", [
    ("virus.pdf", b"MZ\x90\x00 this is a program", "Only PDF, DOCX, XLSX and PPTX"),
    ("notes.docx", f.plain_zip_bytes(), "ZIP archive but not"),
    ("old.doc", f.encrypted_office_bytes()[:600].replace(b"E\x00n\x00c", b"X\x00X\x00X"), "old Office format"),
    ("empty.pdf", b"", "empty"),
])
def test_a_wrong_type_is_refused_and_nothing_is_kept(secretariat, name, content, message):
    document = f.DocumentFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.document_add_file(document=document, user=secretariat, upload=f.upload(name, content),
                                   language="en")
    assert message in excinfo.value.messages[0]
    assert not DocumentFile.objects.exists()


def test_a_file_over_the_limit_is_refused(secretariat, settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 1000
    document = f.DocumentFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.document_add_file(document=document, user=secretariat,
                                   upload=f.upload("big.pdf", f.pdf_bytes() + b" " * 2000), language="en")
    assert "largest accepted is 1000" in excinfo.value.messages[0]
    assert not DocumentFile.objects.exists()


def test_the_default_limit_is_25_mb():
    assert max_upload_bytes() == 25 * 1024 * 1024


@pytest.mark.parametrize("name,content,reason", [
    ("locked.pdf", f.encrypted_pdf_bytes(), "encrypted"),
    ("locked.docx", f.encrypted_office_bytes(), "encrypted"),
    ("broken.pdf", b"%PDF-1.7\n this is not really a pdf", "damaged"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, "damaged"),
])
def test_an_encrypted_or_corrupt_file_is_kept_and_marked(client, secretariat, name, content, reason):
    document = f.DocumentFactory()
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload(name, content),
                                      language="es")
    kept.refresh_from_db()
    assert kept.extraction == DocumentFile.Extraction.FAILED
    assert reason in kept.extraction_error
    page = client.get(document.get_absolute_url())
    assert page.status_code == 200
    assert "Text not extracted" in page.content.decode()


def test_a_scanned_pdf_without_text_is_marked(secretariat):
    document = f.DocumentFactory()
    kept = services.document_add_file(document=document, user=secretariat, upload=f.upload("scan.pdf", f.pdf_bytes("")),
                                      language="en")
    kept.refresh_from_db()
    assert kept.extraction == DocumentFile.Extraction.FAILED
    assert "No text was found" in kept.extraction_error


def test_a_focal_point_cannot_upload(focal_cl):
    document = f.DocumentFactory()
    with pytest.raises(PermissionDenied):
        services.document_add_file(document=document, user=focal_cl, upload=f.upload("a.pdf", f.pdf_bytes()),
                                   language="en")
    assert not DocumentFile.objects.exists()
