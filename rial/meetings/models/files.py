"""Checks every uploaded file of the app goes through: known office formats, bounded size."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = {".pdf", ".docx", ".doc", ".xlsx", ".pptx", ".odt", ".txt"}


def validate_document(upload) -> None:
    if Path(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Only PDF, Word, Excel, PowerPoint, OpenDocument or text files can be uploaded."))
    if upload.size > settings.RIAL_MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is too large: the limit is %(limit)s MB."),
                              params={"limit": settings.RIAL_MAX_UPLOAD_BYTES // (1024 * 1024)})
