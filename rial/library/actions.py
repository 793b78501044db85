"""The action codes of library: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

DOCUMENT_SAVED = "library.document.saved"
DOCUMENT_SUBMITTED = "library.document.submitted"
DOCUMENT_RETURNED = "library.document.returned"
FILE_UPLOADED = "library.file.uploaded"
DOCUMENT_PUBLISHED = "library.document.published"
DOCUMENT_WITHDRAWN = "library.document.withdrawn"
DOCUMENT_TEXT_EXTRACTED = "library.document.text_extracted"

ACTIONS = declare_actions({
    DOCUMENT_SAVED: _("document saved"),
    DOCUMENT_SUBMITTED: _("document submitted for review"),
    DOCUMENT_RETURNED: _("document returned to the submitter"),
    FILE_UPLOADED: _("file uploaded"),
    DOCUMENT_PUBLISHED: _("document published"),
    DOCUMENT_WITHDRAWN: _("document withdrawn"),
    DOCUMENT_TEXT_EXTRACTED: _("text read from its files"),
})
