"""Named writes of the library: each checks permission, runs in a transaction and leaves an audit row."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.audit import save_logged
from rial.core.files import sniff
from rial.library import actions, notices
from rial.library.models import Document, DocumentFile, DocumentTransition
from rial.library.tasks import extract_file_text
from rial.library.workflows import DOCUMENT


def document_save(*, user, data: dict, relations: dict, document: Document | None = None) -> Document:
    """Create or change a document's metadata. ``relations``: many-to-many field name → objects."""
    perm = "library.change_document" if document else "library.add_document"
    if not user.has_perm(perm, document):
        raise PermissionDenied(perm)
    creating = document is None
    document = document or Document()
    with transaction.atomic():
        for name, value in data.items():
            setattr(document, name, value)
        if creating and not roles_for(user).is_secretariat:
            document.owner_institution_id = _submitting_institution(user)
        document.full_clean()
        save_logged(document, user=user, action=actions.DOCUMENT_SAVED)
        for name, objects in relations.items():
            getattr(document, name).set(objects)
    return document


def _submitting_institution(user) -> int:
    speaks_for = roles_for(user).speaks_for
    if len(speaks_for) != 1:
        raise ValidationError(_("You act for several institutions: ask the Technical Secretariat to add this "
                                "document for the right one."))
    return next(iter(speaks_for))


def _move(document: Document, *, action: str, user, comment: str = "") -> DocumentTransition:
    """Move ``document`` through ``action`` (the table in ``workflows``) and record the transition.

    Called inside the caller's transaction: the row is locked and its status read again, so of two
    reviewers acting at once the second is refused with the move the first made."""
    document.status = Document.objects.select_for_update().values_list("status", flat=True).get(pk=document.pk)
    previous = DOCUMENT.move(document, action, user=user)
    return DocumentTransition.objects.create(document=document, action=action, from_status=previous,
                                             to_status=document.status, user=user, comment=comment)


def _has_content(document: Document) -> bool:
    return bool(document.source_url) or document.files.exists()


def document_submit(*, document: Document, user) -> Document:
    """Hand a draft (or what the Secretariat returned) to the Secretariat for review; from now on only
    the Secretariat changes, returns or publishes it."""
    DOCUMENT.check(document, "submit", user=user)
    if not _has_content(document):
        raise ValidationError(_("Add a file or a source link before submitting the document."))
    with transaction.atomic():
        transition = _move(document, action="submit", user=user)
        save_logged(document, user=user, action=actions.DOCUMENT_SUBMITTED)
        notices.document_submitted(document, transition)
    return document


def document_return(*, document: Document, user, comment: str) -> Document:
    """The Secretariat gives a submitted document back to its submitter, saying what must change."""
    DOCUMENT.check(document, "return", user=user)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what must change: a document is returned with the reason."))
    with transaction.atomic():
        transition = _move(document, action="return", user=user, comment=comment)
        document.review_comment = comment
        save_logged(document, user=user, action=actions.DOCUMENT_RETURNED)
        notices.document_reviewed(document, transition, outcome="returned")
    return document


def document_add_file(*, document: Document, user, upload, language: str) -> DocumentFile:
    """Keep an uploaded file after checking its real type and size; its text is read in the background."""
    if not user.has_perm("library.change_document", document):
        raise PermissionDenied
    file_type = sniff(upload)  # refuses a wrong type or a file too large, before anything is written
    with transaction.atomic():
        document_file = DocumentFile(document=document, language=language, original_name=upload.name[:255],
                                     size=upload.size, file_type=file_type, uploaded_by=user)
        document_file.file.save(upload.name, upload, save=False)
        try:
            save_logged(document_file, user=user, action=actions.FILE_UPLOADED)
        except Exception:
            document_file.file.delete(save=False)  # no orphan file when the row could not be written
            raise
        # The task row is written in the same transaction: a file never waits for a lost task.
        extract_file_text.enqueue(document_file.pk)
    return document_file


def document_publish(*, document: Document, user) -> Document:
    """Publish a submitted document (its submitter is told), or one of the Secretariat's own drafts."""
    DOCUMENT.check(document, "publish", user=user)
    if document.owner_institution_id and document.status == Document.Status.DRAFT:
        raise ValidationError(_("This document is still its institution's draft: it can be published once they "
                                "submit it."))
    if not _has_content(document):
        raise ValidationError(_("Add a file or a source link before publishing the document."))
    with transaction.atomic():
        transition = _move(document, action="publish", user=user)
        document.published_at = timezone.now()
        document.review_comment = ""
        save_logged(document, user=user, action=actions.DOCUMENT_PUBLISHED)
        if transition.from_status == Document.Status.SUBMITTED:
            notices.document_reviewed(document, transition, outcome="published")
    return document


def document_unpublish(*, document: Document, user) -> Document:
    with transaction.atomic():
        _move(document, action="withdraw", user=user)
        save_logged(document, user=user, action=actions.DOCUMENT_WITHDRAWN)
    return document
