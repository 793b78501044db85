"""Who the review workflow of programs tells, and what: each function is called once its change is saved.

A program can be submitted, returned and published many times; the transition row recorded by the
workflow names each occurrence, so a retried step tells nobody twice and a new round tells them again.
"""

from django.utils.translation import gettext_lazy as _

from rial.directory.recipients import institution_recipients, secretariat_recipients
from rial.notifications.kinds import declare_kinds
from rial.notifications.services import Page, notify
from rial.portfolio.models import Program, ProgramTransition

KINDS = declare_kinds({
    "portfolio.program.submitted": _("Programs: a program submitted for review (the Secretariat)"),
    "portfolio.program.returned": _("Programs: your ministry's program was returned with comments"),
    "portfolio.program.published": _("Programs: your ministry's program was published"),
    "portfolio.review_due": _("Programs: your ministry's programs due for their yearly review"),
})


def _occurrence(program: Program) -> int:
    return ProgramTransition.objects.filter(program=program.revision_of_id or program.pk).latest("pk").pk


def _page(program: Program) -> Page:
    if program.is_revision:
        return Page("portfolio:revision", pk=program.pk)
    return Page("portfolio:detail", pk=program.pk)


def program_submitted(program: Program) -> None:
    """The Secretariat reviews what a ministry submitted."""
    notify(kind="portfolio.program.submitted", key=f"portfolio.program.submitted:{program.pk}:{_occurrence(program)}",
           recipients=secretariat_recipients(), template="portfolio/email/program_submitted",
           context={"program": program, "ministry": program.ministry}, target=_page(program))


def program_reviewed(program: Program, *, outcome: str) -> None:
    """The ministry's focal points hear that the Secretariat returned (``returned``) or published
    (``published``) their program. ``program`` is the one submitted (a revision, when it was one)."""
    occurrence = _occurrence(program)
    target = _page(program) if outcome == "returned" else Page("portfolio:detail", pk=program.revision_of_id or program.pk)
    notify(kind=f"portfolio.program.{outcome}", key=f"portfolio.program.{outcome}:{program.pk}:{occurrence}",
           recipients=institution_recipients([program.ministry_id]), template=f"portfolio/email/program_{outcome}",
           context={"program": program, "ministry": program.ministry}, target=target)
