"""The transition table of Working Group reports (rial.core.workflow): a draft becomes final, and back."""

from django.utils.translation import gettext_lazy as _

from rial.core.workflow import Move, Workflow
from rial.meetings.models import WorkingGroupReport

R = WorkingGroupReport.Status
REPORT = Workflow(field="status", states=WorkingGroupReport.Status, moves={
    "finalise": Move({R.DRAFT}, R.FINAL, _("make the report final"), "meetings.change_workinggroupreport"),
    "reopen": Move({R.FINAL}, R.DRAFT, _("set the report back to draft"), "meetings.change_workinggroupreport"),
})
