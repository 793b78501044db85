"""What an uploaded file really is (from its content, not its name), and whether it may be kept.

PDF starts with ``%PDF-``; DOCX, XLSX and PPTX are ZIP containers told apart by the members they
hold (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``). A password-protected
Office file is not a ZIP but an OLE container with an ``EncryptedPackage`` stream: it is accepted
(kept, with its text marked as not extracted) as the type its name claims. Every app that keeps
uploaded documents (the library, call guidelines) checks them here.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MEMBERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OFFICE_TYPES = ("docx", "xlsx", "pptx")


def max_upload_bytes() -> int:
    """RIAL_UPLOAD_MAX_BYTES (or the project-wide RIAL_MAX_UPLOAD_BYTES), 25 MB by default."""
    return getattr(settings, "RIAL_UPLOAD_MAX_BYTES", getattr(settings, "RIAL_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(upload) -> str:
    """Return "pdf", "docx", "xlsx" or "pptx" from the content of ``upload``, or refuse it."""
    if upload.size > max_upload_bytes():
        raise ValidationError(_("The file is %(size)s; the largest accepted is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    claimed = _extension(upload.name or "")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
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
