"""The action codes of the library: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

DOCUMENT_SAVED = "library.document.saved"
DOCUMENT_SUBMITTED = "library.document.submitted"
DOCUMENT_RETURNED = "library.document.returned"
DOCUMENT_PUBLISHED = "library.document.published"
DOCUMENT_WITHDRAWN = "library.document.withdrawn"
DOCUMENT_TEXT_EXTRACTED = "library.document.text_extracted"
FILE_UPLOADED = "library.file.uploaded"

ACTIONS = declare_actions({
    DOCUMENT_SAVED: _("saved"),
    DOCUMENT_SUBMITTED: _("submitted for review"),
    DOCUMENT_RETURNED: _("returned to the submitter"),
    DOCUMENT_PUBLISHED: _("published"),
    DOCUMENT_WITHDRAWN: _("withdrawn from the public"),
    DOCUMENT_TEXT_EXTRACTED: _("text extracted"),
    FILE_UPLOADED: _("file uploaded"),
})
