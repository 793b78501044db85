"""Checks every uploaded file of the app goes through: known office formats, bounded size."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rial.core.files import check_archive, check_size

ALLOWED_EXTENSIONS = {".pdf", ".docx", ".doc", ".xlsx", ".pptx", ".odt", ".txt"}


def validate_document(upload) -> None:
    if Path(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Only PDF, Word, Excel, PowerPoint, OpenDocument or text files can be uploaded."))
    check_size(upload)
    if not getattr(upload, "_committed", False):  # a new upload, not a file stored earlier
        check_archive(upload)  # DOCX, XLSX, PPTX and ODT are ZIP archives: bounded before anyone opens one
