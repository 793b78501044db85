"""The transition tables of bilateral cooperation (rial.core.workflow): calls, proposals and activities."""

from django.utils.translation import gettext_lazy as _

from rial.cooperation.models import Activity, Call, Proposal
from rial.core.workflow import Move, Workflow

C = Call.State
CALL = Workflow(field="state", states=Call.State, moves={
    "open": Move({C.DRAFT}, C.OPEN, _("open the call"), "cooperation.manage_call"),
    "close": Move({C.OPEN}, C.CLOSED, _("close the call"), "cooperation.manage_call"),
    "select": Move({C.CLOSED}, C.EVALUATED, _("select the results"), "cooperation.manage_call"),
    "publish": Move({C.EVALUATED}, C.PUBLISHED, _("publish the results"), "cooperation.manage_call"),
})

P = Proposal.State
PROPOSAL = Workflow(field="state", states=Proposal.State, moves={
    "submit": Move({P.DRAFT}, P.SUBMITTED, _("submit the proposal"), "cooperation.change_proposal"),
    "reopen": Move({P.SUBMITTED}, P.DRAFT, _("take the proposal back to draft"), "cooperation.change_proposal"),
    "withdraw": Move({P.DRAFT, P.SUBMITTED}, P.WITHDRAWN, _("withdraw the proposal"), "cooperation.change_proposal"),
    "select": Move({P.SUBMITTED}, P.SELECTED, _("select the proposal"), "cooperation.manage_call"),
    "not_select": Move({P.SUBMITTED}, P.NOT_SELECTED, _("leave the proposal unselected"), "cooperation.manage_call"),
})

A = Activity.State
ACTIVITY = Workflow(field="state", states=Activity.State, moves={
    "execute": Move({A.PLANNED}, A.EXECUTED, _("record the execution"), "cooperation.manage_activity"),
    "cancel": Move({A.PLANNED}, A.CANCELLED, _("cancel the activity"), "cooperation.manage_activity"),
    "complete": Move({A.EXECUTED}, A.COMPLETED, _("complete the activity"), "cooperation.manage_activity"),
})
