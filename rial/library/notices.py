"""Who the review of submitted documents tells, and what: each function is called once its change is saved.

A document can be submitted, returned and published many times; the transition row recorded by the
workflow names each occurrence, so a retried step tells nobody twice and a new round tells them again.
"""

from django.utils.translation import gettext_lazy as _

from rial.directory.recipients import institution_recipients, secretariat_recipients
from rial.library.models import Document, DocumentTransition
from rial.notifications.kinds import declare_kinds
from rial.notifications.services import notify

KINDS = declare_kinds({
    "library.document.submitted": _("Library: a document submitted for review (the Secretariat)"),
    "library.document.returned": _("Library: a document you submitted was returned with comments"),
    "library.document.published": _("Library: a document you submitted was published"),
})


def document_submitted(document: Document, transition: DocumentTransition) -> None:
    """The Secretariat reviews what an institution submitted."""
    notify(kind="library.document.submitted", key=f"library.document.submitted:{document.pk}:{transition.pk}",
           recipients=secretariat_recipients(), template="library/email/document_submitted",
           context={"document": document, "institution": document.owner_institution}, target=document)


def document_reviewed(document: Document, transition: DocumentTransition, *, outcome: str) -> None:
    """The submitting institution's people hear that the Secretariat returned (``returned``, with the
    reason) or published (``published``) their document."""
    if document.owner_institution_id is None:
        return
    notify(kind=f"library.document.{outcome}", key=f"library.document.{outcome}:{document.pk}:{transition.pk}",
           recipients=institution_recipients([document.owner_institution_id]),
           template=f"library/email/document_{outcome}",
           context={"document": document, "institution": document.owner_institution,
                    "comment": transition.comment}, target=document)
