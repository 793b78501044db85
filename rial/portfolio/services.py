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
from django.utils.translation import gettext_lazy

from rial.core.audit import save_logged
from rial.portfolio import notices
from rial.portfolio.models import Program, ProgramTransition

logger = logging.getLogger("rial.portfolio")

S = Program.Status

# action: (states it may start from, state it leads to, permission)
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "submit": (frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, "portfolio.submit_program"),
    "publish": (frozenset({S.SUBMITTED}), S.PUBLISHED, "portfolio.review_program"),
    "return": (frozenset({S.SUBMITTED}), S.RETURNED, "portfolio.review_program"),
    "confirm_review": (frozenset({S.PUBLISHED}), S.PUBLISHED, "portfolio.review_program"),
}


# Content copied from a revision onto the published program (every language of translated fields).
TRANSLATED_FIELDS = ("name", "summary", "objectives", "results", "legal_basis", "funding")
PLAIN_FIELDS = ("collection_id", "start", "end", "budget", "budget_currency", "contact_name", "contact_email",
                "contact_phone", "languages", "offered_for_cooperation", "website", "source_url", "updated_as_of")
LANGS = ("en", "es", "pt", "fr")


# What each action is called when a refusal lists the possible ones.
ACTION_NAMES = {
    "submit": gettext_lazy("submit for review"),
    "publish": gettext_lazy("publish"),
    "return": gettext_lazy("return with comments"),
    "confirm_review": gettext_lazy("confirm the review"),
}


def content_fields() -> list[str]:
    return [f"{name}_{lang}" for name in TRANSLATED_FIELDS for lang in LANGS] + list(PLAIN_FIELDS)


def _legal_actions(status: str) -> list[str]:
    return [action for action, (sources, _target, _perm) in TRANSITIONS.items() if status in sources]


def _set_state(program: Program, *, action: str, user, comment: str = "", record_as: str = "") -> Program:
    """Move ``program`` through ``action`` or refuse with a translated message naming the legal actions."""
    sources, target, perm = TRANSITIONS[action]
    if not user.has_perm(perm, program):
        raise PermissionDenied(perm)
    if program.status not in sources:
        legal = ", ".join(str(ACTION_NAMES[name]) for name in _legal_actions(program.status)) or _("none")
        raise ValidationError(
            _("“%(action)s” is not possible for a program that is “%(status)s”. Possible now: %(legal)s.")
            % {"status": program.get_status_display(), "action": ACTION_NAMES[action], "legal": legal}
        )
    previous = program.status
    program.status = target
    ProgramTransition.objects.create(program=program.revision_of or program, action=record_as or action,
                                     from_status=previous,
                                     to_status=target, user=user, comment=comment)
    return program


def program_create(*, user, data: dict, topics=(), populations=()) -> Program:
    """A new draft. ``data`` holds validated model fields, including ``ministry``."""
    program = Program(**data)
    if not user.has_perm("portfolio.add_program") or not user.has_perm("portfolio.change_program", program):
        raise PermissionDenied
    with transaction.atomic():
        program.status = S.DRAFT
        program.full_clean()
        save_logged(program, user=user, action="portfolio.program.created")
        program.topics.set(topics)
        program.populations.set(populations)
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
        save_logged(program, user=user, action="portfolio.program.changed")
        if topics is not None:
            program.topics.set(topics)
        if populations is not None:
            program.populations.set(populations)
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
        save_logged(revision, user=user, action="portfolio.program.revision_started")
        revision.topics.set(program.topics.all())
        revision.populations.set(program.populations.all())
    return revision


def program_submit(*, program: Program, user) -> Program:
    with transaction.atomic():
        _set_state(program, action="submit", user=user)
        program.review_comment = ""
        save_logged(program, user=user, action="portfolio.program.submitted")
        notices.program_submitted(program)
    logger.info("program %s submitted by %s", program.pk, user)
    return program


def program_return(*, program: Program, user, comment: str) -> Program:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what must change: a program is returned with comments."))
    with transaction.atomic():
        _set_state(program, action="return", user=user, comment=comment)
        program.review_comment = comment
        save_logged(program, user=user, action="portfolio.program.returned")
        notices.program_reviewed(program, outcome="returned")
    return program


def program_publish(*, program: Program, user) -> Program:
    """Publish a submitted program, or merge a submitted revision into its published program."""
    with transaction.atomic():
        _set_state(program, action="publish", user=user, record_as="update_published" if program.is_revision else "")
        today = timezone.localdate()
        if not program.is_revision:
            program.last_reviewed_at = today
            program.review_comment = ""
            save_logged(program, user=user, action="portfolio.program.published")
            notices.program_reviewed(program, outcome="published")
            return program
        published = Program.objects.select_for_update().get(pk=program.revision_of_id)
        for name in content_fields():
            setattr(published, name, getattr(program, name))
        published.last_reviewed_at = today
        published.full_clean()
        save_logged(published, user=user, action="portfolio.program.update_published")
        published.topics.set(program.topics.all())
        published.populations.set(program.populations.all())
        program.archive()
        save_logged(program, user=user, action="portfolio.program.revision_merged")
        notices.program_reviewed(program, outcome="published")
    return published


def program_confirm_review(*, program: Program, user) -> Program:
    """The Secretariat checked a published program and it is still current: a new 12-month cycle."""
    with transaction.atomic():
        _set_state(program, action="confirm_review", user=user)
        program.last_reviewed_at = timezone.localdate()
        save_logged(program, user=user, action="portfolio.program.review_confirmed")
    return program
