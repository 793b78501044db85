"""Documents and real sample files of each accepted type, made in memory."""

import datetime
import io
import zipfile

import docx
import factory
import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from pptx import Presentation
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from rial.core.files import OLE_MAGIC
from rial.library.models import Document


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Study {n}")
    summary_en = "An analysis of social security agreements."
    date = datetime.date(2023, 5, 1)
    status = Document.Status.PUBLISHED

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)


def pdf_bytes(text: str = "Labor inspection in the Americas") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def encrypted_pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.append(io.BytesIO(pdf_bytes("secret")))
    writer.encrypt(user_password="open-sesame", owner_password="owner")  # noqa: S106 - a test file
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(text: str = "Return to work protocol") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(text: str = "Domestic workers registered") -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append([text, 1200])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx_bytes(text: str = "Hemispheric workshop on gender") -> bytes:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def encrypted_office_bytes() -> bytes:
    """The start of a password-protected Office file: an OLE container with an EncryptedPackage stream."""
    return OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024


def plain_zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
