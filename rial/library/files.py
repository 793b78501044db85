"""What an uploaded file really is (from its content, not its name), and the text inside it.

PDF starts with ``%PDF-``; DOCX, XLSX and PPTX are ZIP containers told apart by the members they
hold (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``). A password-protected
Office file is not a ZIP but an OLE container with an ``EncryptedPackage`` stream: it is accepted
(kept, with its text marked as not extracted) as the type its name claims.
"""

import io

import docx
import openpyxl
from django.utils.translation import gettext as _
from pptx import Presentation
from pypdf import PdfReader

# What a file is, from its content: in rial.core.uploads, so that every app checks uploads the same way.
from rial.core.uploads import OLE_MAGIC, max_upload_bytes, sniff

__all__ = ["OLE_MAGIC", "ExtractionError", "extract_text", "max_upload_bytes", "sniff"]

MAX_TEXT_CHARS = 2_000_000  # enough for a 1,000-page study; the rest is not needed to find it


class ExtractionError(Exception):
    """The text cannot be read; the message says why, for the people who see the document."""


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


def _pdf(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError(_("The file is encrypted (protected by a password)."))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
