"""The transition tables of the conference (rial.core.workflow): mandates' follow-up and documents."""

from django.utils.translation import gettext_lazy as _

from rial.conference.models import ConferenceDocument, Mandate
from rial.core.workflow import Move, Workflow

M = Mandate.Status
# A done mandate may be reopened when more work turns out to be needed.
MANDATE = Workflow(field="status", states=Mandate.Status, moves={
    "reset": Move({M.IN_PROGRESS}, M.NOT_STARTED, _("mark as not started"), "conference.follow_up_mandate"),
    "start": Move({M.NOT_STARTED, M.ONGOING, M.DONE}, M.IN_PROGRESS, _("mark as in progress"),
                  "conference.follow_up_mandate"),
    "continue": Move({M.NOT_STARTED, M.IN_PROGRESS, M.DONE}, M.ONGOING, _("mark as ongoing"),
                     "conference.follow_up_mandate"),
    "complete": Move({M.NOT_STARTED, M.IN_PROGRESS, M.ONGOING}, M.DONE, _("mark as done"),
                     "conference.follow_up_mandate"),
})

D = ConferenceDocument.Status
# One step back corrects a mistake; the style review comes after adoption.
DOCUMENT = Workflow(field="status", states=ConferenceDocument.Status, moves={
    "adopt": Move({D.DRAFT}, D.ADOPTED, _("mark as adopted"), "conference.change_conferencedocument"),
    "finalise": Move({D.ADOPTED}, D.FINAL, _("mark as final"), "conference.change_conferencedocument"),
    "back_to_draft": Move({D.ADOPTED}, D.DRAFT, _("return to draft"), "conference.change_conferencedocument"),
    "back_to_adopted": Move({D.FINAL}, D.ADOPTED, _("return to adopted"), "conference.change_conferencedocument"),
})
