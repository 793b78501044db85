"""The review workflow of programs: named, keyword-only functions, each in one transaction.

A focal point drafts and submits for their own ministry; the Secretariat publishes or returns with
comments. An update of a published program is a revision row reviewed the same way while the
published version stays visible; publishing it copies its content onto the published program.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.core.languages import translated_field_names
from rial.portfolio import actions, notices
from rial.portfolio.models import Program, ProgramTransition
from rial.portfolio.workflows import PROGRAM

logger = logging.getLogger("rial.portfolio")

S = Program.Status

# Content copied from a revision onto the published program (every language of translated fields).
TRANSLATED_FIELDS = ("name", "summary", "objectives", "results", "legal_basis", "funding")
PLAIN_FIELDS = ("collection_id", "start", "end", "budget", "budget_currency", "contact_name", "contact_email",
                "contact_phone", "languages", "offered_for_cooperation", "website", "source_url", "updated_as_of")


def content_fields() -> list[str]:
    return [name for field in TRANSLATED_FIELDS for name in translated_field_names(field)] + list(PLAIN_FIELDS)


def _move(program: Program, *, action: str, user, comment: str = "", record_as: str = "") -> Program:
    """Move ``program`` through ``action`` (the table in ``workflows``) and record the transition."""
    previous = PROGRAM.move(program, action, user=user)
    ProgramTransition.objects.create(program=program.revision_of or program, action=record_as or action,
                                     from_status=previous, to_status=program.status, user=user, comment=comment)
    return program


def program_create(*, user, data: dict, topics=(), populations=()) -> Program:
    """A new draft. ``data`` holds validated model fields, including ``ministry``."""
    program = Program(**data)
    if not user.has_perm("portfolio.add_program") or not user.has_perm("portfolio.change_program", program):
        raise PermissionDenied
    with transaction.atomic():
        program.status = S.DRAFT
        program.full_clean()
        save_logged(program, user=user, action=actions.PROGRAM_CREATED,
                    related={"topics": topics, "populations": populations})
        ProgramTransition.objects.create(program=program, action="create", from_status=S.DRAFT,
                                         to_status=S.DRAFT, user=user)
    return program


def program_update(*, program: Program, user, data: dict, topics=None, populations=None) -> Program:
    """Change a draft or a returned program (a published one is changed through a revision)."""
    if not user.has_perm("portfolio.change_program", program):
        raise PermissionDenied
    if not program.is_editable:
        raise ValidationError(_("Only a draft or a returned program can be changed; this one is “%(status)s”.")
                              % {"status": program.get_status_display()})
    if "ministry" in data and data["ministry"].pk != program.ministry_id:
        raise ValidationError(_("A program stays with its ministry."))
    with transaction.atomic():
        for name, value in data.items():
            setattr(program, name, value)
        program.full_clean()
        related = {name: values for name, values in (("topics", topics), ("populations", populations))
                   if values is not None}
        save_logged(program, user=user, action=actions.PROGRAM_CHANGED, related=related)
    return program


def program_start_revision(*, program: Program, user) -> Program:
    """The pending update of a published program: a copy to edit, or the one already open."""
    if not user.has_perm("portfolio.change_program", program):
        raise PermissionDenied
    if program.is_revision or not program.is_published:
        raise ValidationError(_("Only a published program is updated through a revision."))
    with transaction.atomic():
        # Lock the published row so two clicks cannot open two revisions.
        Program.objects.select_for_update().filter(pk=program.pk).first()
        existing = program.revisions.active().first()
        if existing is not None:
            return existing
        revision = Program(revision_of=program, ministry_id=program.ministry_id, status=S.DRAFT,
                           is_demo=program.is_demo,
                           **{name: getattr(program, name) for name in content_fields()})
        save_logged(revision, user=user, action=actions.PROGRAM_REVISION_STARTED,
                    related={"topics": program.topics.all(), "populations": program.populations.all()})
    return revision


def program_submit(*, program: Program, user) -> Program:
    with transaction.atomic():
        _move(program, action="submit", user=user)
        program.review_comment = ""
        save_logged(program, user=user, action=actions.PROGRAM_SUBMITTED)
        notices.program_submitted(program)
    logger.info("program %s submitted by %s", program.pk, user)
    return program


def program_return(*, program: Program, user, comment: str) -> Program:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what must change: a program is returned with comments."))
    with transaction.atomic():
        _move(program, action="return", user=user, comment=comment)
        program.review_comment = comment
        save_logged(program, user=user, action=actions.PROGRAM_RETURNED)
        notices.program_reviewed(program, outcome="returned")
    return program


def program_publish(*, program: Program, user) -> Program:
    """Publish a submitted program, or merge a submitted revision into its published program."""
    with transaction.atomic():
        _move(program, action="publish", user=user, record_as="update_published" if program.is_revision else "")
        today = timezone.localdate()
        if not program.is_revision:
            program.last_reviewed_at = today
            program.review_comment = ""
            save_logged(program, user=user, action=actions.PROGRAM_PUBLISHED)
            notices.program_reviewed(program, outcome="published")
            return program
        published = Program.objects.select_for_update().get(pk=program.revision_of_id)
        for name in content_fields():
            setattr(published, name, getattr(program, name))
        published.last_reviewed_at = today
        published.full_clean()
        save_logged(published, user=user, action=actions.PROGRAM_UPDATE_PUBLISHED,
                    related={"topics": program.topics.all(), "populations": program.populations.all()})
        program.archive()
        save_logged(program, user=user, action=actions.PROGRAM_REVISION_MERGED)
        notices.program_reviewed(program, outcome="published")
    return published


def program_confirm_review(*, program: Program, user) -> Program:
    """The Secretariat checked a published program and it is still current: a new 12-month cycle."""
    with transaction.atomic():
        _move(program, action="confirm_review", user=user)
        program.last_reviewed_at = timezone.localdate()
        save_logged(program, user=user, action=actions.PROGRAM_REVIEW_CONFIRMED)
    return program
