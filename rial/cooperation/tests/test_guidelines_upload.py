"""A call's guidelines pass the library's file checks: size, and a real PDF or Office document by content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict

from rial.cooperation.forms import CallForm
from rial.cooperation.tests.factories import open_call

pytestmark = pytest.mark.django_db


def _form(call, upload):
    data = {key: value for key, value in model_to_dict(call).items() if value is not None and key != "guidelines"}
    data["authority_evaluators"] = []
    return CallForm(data=data, files={"guidelines": upload}, instance=call)


@pytest.mark.parametrize(("name", "content"), [
    ("guidelines.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),  # HTML renamed .pdf
    ("guidelines.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("guidelines.html", b"<html><body>guidelines</body></html>"),
])
def test_a_file_that_is_not_a_document_is_refused(name, content):
    form = _form(open_call(), SimpleUploadedFile(name, content))
    assert not form.is_valid()
    assert "Only PDF, DOCX, XLSX and PPTX files are accepted" in " ".join(form.errors["guidelines"])


def test_a_file_above_the_limit_is_refused(settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 1024
    form = _form(open_call(), SimpleUploadedFile("guidelines.pdf", b"%PDF-1.7 " + b"x" * 2048))
    assert not form.is_valid()
    assert "the largest accepted is" in " ".join(form.errors["guidelines"])


def test_a_real_pdf_is_accepted():
    form = _form(open_call(), SimpleUploadedFile("guidelines.pdf", b"%PDF-1.7 the call's guidelines"))
    assert form.is_valid(), form.errors
