"""Background work of the library (django-tasks): reading the text of uploaded files.

A file whose text cannot be read is kept; it is marked "text not extracted" with the reason, and its
document page goes on working.
"""

import logging

from django.utils import timezone
from django_tasks import task

from rial.core.audit import save_logged
from rial.core.files import ExtractionError, extract_text
from rial.library import actions
from rial.library.models import DocumentFile

logger = logging.getLogger("rial.library")


@task()
def extract_file_text(file_id: int) -> str:
    document_file = DocumentFile.objects.filter(pk=file_id).first()
    if document_file is None:
        return "gone"
    try:
        with document_file.file.open("rb") as handle:
            data = handle.read()
        text, status, error = extract_text(data, document_file.file_type), DocumentFile.Extraction.DONE, ""
    except (ExtractionError, OSError) as exc:
        text, status, error = "", DocumentFile.Extraction.FAILED, str(exc)[:300]
        logger.info("text not extracted from file %s: %s", file_id, error)
    # update(): the text is bookkeeping of the file, not an edit by a person (no history row).
    DocumentFile.objects.filter(pk=file_id).update(text=text, extraction=status, extraction_error=error,
                                                   extracted_at=timezone.now())
    # The search index follows saves of the document; touch it so the new text is indexed.
    save_logged(document_file.document, user=None, action=actions.DOCUMENT_TEXT_EXTRACTED,
                update_fields=["updated_at"])
    return status
