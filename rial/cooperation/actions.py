"""The action codes of cooperation: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

CALL_CREATED = "cooperation.call.created"
CALL_CHANGED = "cooperation.call.changed"
CALL_OPENED = "cooperation.call.open"
CALL_CLOSED = "cooperation.call.closed"
CALL_EVALUATED = "cooperation.call.evaluated"
CALL_PUBLISHED = "cooperation.call.published"
PROPOSAL_CREATED = "cooperation.proposal.created"
PROPOSAL_CHANGED = "cooperation.proposal.changed"
PROPOSAL_SUBMITTED = "cooperation.proposal.submitted"
PROPOSAL_COMMITMENT_CONFIRMED = "cooperation.proposal.commitment_confirmed"
PROPOSAL_SELECTED = "cooperation.proposal.selected"
PROPOSAL_NOT_SELECTED = "cooperation.proposal.not_selected"
EVALUATION_RECORDED = "cooperation.evaluation.recorded"
ACTIVITY_PLANNED = "cooperation.activity.planned"
ACTIVITY_EXECUTED = "cooperation.activity.executed"
ACTIVITY_COMPLETED = "cooperation.activity.completed"
REPORT_FILED = "cooperation.report.filed"
OUTCOME_RECORDED = "cooperation.outcome.recorded"
PARTICIPANT_ADDED = "cooperation.participant.added"
QUESTIONNAIRE_ANSWERED = "cooperation.questionnaire.answered"
DEMO_DATES_SHIFTED = "cooperation.demo.dates_shifted"

ACTIONS = declare_actions({
    DEMO_DATES_SHIFTED: _("demo dates moved to the present"),
    CALL_CREATED: _("call created"),
    CALL_CHANGED: _("call changed"),
    CALL_OPENED: _("call opened"),
    CALL_CLOSED: _("call closed"),
    CALL_EVALUATED: _("results selected"),
    CALL_PUBLISHED: _("results published"),
    PROPOSAL_CREATED: _("proposal created"),
    PROPOSAL_CHANGED: _("proposal changed"),
    PROPOSAL_SUBMITTED: _("proposal submitted"),
    PROPOSAL_COMMITMENT_CONFIRMED: _("commitment confirmed"),
    PROPOSAL_SELECTED: _("proposal selected"),
    PROPOSAL_NOT_SELECTED: _("proposal not selected"),
    EVALUATION_RECORDED: _("scores recorded"),
    ACTIVITY_PLANNED: _("activity planned"),
    ACTIVITY_EXECUTED: _("execution recorded"),
    ACTIVITY_COMPLETED: _("activity completed"),
    REPORT_FILED: _("report filed"),
    OUTCOME_RECORDED: _("outcome recorded"),
    PARTICIPANT_ADDED: _("participant added"),
    QUESTIONNAIRE_ANSWERED: _("questionnaire answered"),
})
