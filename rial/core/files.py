"""What an uploaded file really is (from its content, not its name), how large it may be, and its text.

Every upload of the platform is checked here: one size limit (``settings.RIAL_MAX_UPLOAD_BYTES``),
one way to tell a file's type from its first bytes, one set of readers.

PDF starts with ``%PDF-``; DOCX, XLSX and PPTX are ZIP containers told apart by the members they
hold (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``). A password-protected
Office file is not a ZIP but an OLE container with an ``EncryptedPackage`` stream: it is accepted
(kept, with its text marked as not extracted) as the type its name claims.
"""

import io
import zipfile

import docx
import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pptx import Presentation
from pypdf import PdfReader

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MEMBERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OFFICE_TYPES = ("docx", "xlsx", "pptx")
MAX_TEXT_CHARS = 2_000_000  # enough for a 1,000-page study; the rest is not needed to find it


PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def max_upload_bytes() -> int:
    """The largest upload accepted anywhere (``RIAL_MAX_UPLOAD_BYTES``, 25 MB unless the environment says)."""
    return settings.RIAL_MAX_UPLOAD_BYTES


def check_size(upload) -> None:
    """Refuse an empty upload or one over the limit, before anything reads it."""
    if upload.size > max_upload_bytes():
        raise ValidationError(_("The file is %(size)s; the largest accepted is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))


def docx_paragraphs(handle) -> list[str]:
    """The non-empty paragraphs of a Word document (a path or an open binary file), in order."""
    return [paragraph.text.strip() for paragraph in docx.Document(handle).paragraphs if paragraph.text.strip()]


class ExtractionError(Exception):
    """The text cannot be read; the message says why, for the people who see the document."""


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(upload) -> str:
    """Return "pdf", "docx", "xlsx" or "pptx" from the content of ``upload``, or refuse it."""
    check_size(upload)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    claimed = _extension(upload.name or "")
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            names = None
        finally:
            upload.seek(0)
        if names is None:
            # A damaged Office file: kept as what its name says, its text marked as not extracted.
            if claimed in OFFICE_TYPES:
                return claimed
            raise ValidationError(_("The file is a damaged ZIP archive, not a PDF, DOCX, XLSX or PPTX file."))
        for member, kind in ZIP_MEMBERS.items():
            if member in names:
                return kind
        raise ValidationError(_("The file is a ZIP archive but not a DOCX, XLSX or PPTX document."))
    if head.startswith(OLE_MAGIC):
        content = upload.read()
        upload.seek(0)
        if "EncryptedPackage".encode("utf-16-le") in content and claimed in OFFICE_TYPES:
            return claimed
        raise ValidationError(_("This is an old Office format (DOC, XLS or PPT): save it as DOCX, XLSX or PPTX."))
    raise ValidationError(_("Only PDF, DOCX, XLSX and PPTX files are accepted; this file is none of them "
                            "(its content was checked, not its name)."))


def extract_text(data: bytes, file_type: str) -> str:
    """The text of a file, or ExtractionError with the reason."""
    if data.startswith(OLE_MAGIC):
        raise ExtractionError(_("The file is encrypted (protected by a password)."))
    try:
        text = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "pptx": _pptx}[file_type](data)
    except ExtractionError:
        raise
    except Exception as exc:  # each reader raises its own kinds on a damaged file
        raise ExtractionError(_("The file is damaged or cannot be read (%(error)s).") % {
            "error": type(exc).__name__}) from exc
    text = text.strip()
    if not text:
        raise ExtractionError(_("No text was found in the file (it may be a scanned image)."))
    return text[:MAX_TEXT_CHARS]


def pdf_pages(data: bytes) -> list[str] | None:
    """The text of each page of a PDF, or None when a password protects it (a damaged file raises pypdf's
    own exceptions): the one PDF reader of the library, the meetings' files and the plan importer."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return None
    return [page.extract_text() or "" for page in reader.pages]


def _pdf(data: bytes) -> str:
    pages = pdf_pages(data)
    if pages is None:
        raise ExtractionError(_("The file is encrypted (protected by a password)."))
    return "\n".join(pages)


def _docx(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append(" ".join(cells))
    return "\n".join(parts)


def _pptx(data: bytes) -> str:
    presentation = Presentation(io.BytesIO(data))
    parts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
    return "\n".join(parts)
