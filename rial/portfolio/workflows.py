"""The review workflow of programs as a transition table (rial.core.workflow)."""

from django.utils.translation import gettext_lazy as _

from rial.core.workflow import Move, Workflow
from rial.portfolio.models import Program

S = Program.Status

PROGRAM = Workflow(field="status", states=Program.Status, moves={
    "submit": Move({S.DRAFT, S.RETURNED}, S.SUBMITTED, _("submit for review"), "portfolio.submit_program"),
    "publish": Move({S.SUBMITTED}, S.PUBLISHED, _("publish"), "portfolio.review_program"),
    "return": Move({S.SUBMITTED}, S.RETURNED, _("return with comments"), "portfolio.review_program"),
    "confirm_review": Move({S.PUBLISHED}, S.PUBLISHED, _("confirm the review"), "portfolio.review_program"),
})
