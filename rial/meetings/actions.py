"""The action codes of meetings: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

REPORT_DRAFTED = "meetings.report.drafted"
REPORT_EDITED = "meetings.report.edited"
REPORT_REGENERATED = "meetings.report.regenerated"
REPORT_FINALISED = "meetings.report.finalised"
REPORT_REOPENED = "meetings.report.reopened"
CONSULTATION_OPENED = "meetings.consultation.opened"
CONSULTATION_ANSWERED = "meetings.consultation.answered"
CONSULTATION_CLOSED = "meetings.consultation.closed"
CONSULTATION_TACIT_APPROVAL = "meetings.consultation.tacit_approval"
WORKPLAN_CREATED = "meetings.workplan.created"
WORKPLAN_REVISION_CREATED = "meetings.workplan.revision_created"
WORKPLAN_REVISED = "meetings.workplan.revised"
ACTIVITY_COPIED = "meetings.activity.copied"
ACTIVITY_SAVED = "meetings.activity.saved"
FORUM_CREATED = "meetings.forum.created"
FORUM_COMMENTED = "meetings.forum.commented"
MEETING_SAVED = "meetings.meeting.saved"
QUESTION_ANSWERED = "meetings.question.answered"
REPORT_RECORDED = "meetings.report.recorded"
REPORT_CONCLUSION_RECORDED = "meetings.report.conclusion_recorded"
MEETING_RECORDED_FROM_REPORT = "meetings.meeting.recorded_from_report"

ACTIONS = declare_actions({
    REPORT_RECORDED: _("report text imported"),
    REPORT_CONCLUSION_RECORDED: _("conclusion recorded from a final report"),
    MEETING_RECORDED_FROM_REPORT: _("meeting recorded from a final report"),
    WORKPLAN_CREATED: _("work plan created"),
    WORKPLAN_REVISION_CREATED: _("work plan revision started"),
    WORKPLAN_REVISED: _("work plan revised"),
    ACTIVITY_COPIED: _("activity copied into the new revision"),
    ACTIVITY_SAVED: _("activity saved"),
    FORUM_CREATED: _("draft forum opened"),
    FORUM_COMMENTED: _("comment recorded"),
    MEETING_SAVED: _("meeting saved"),
    QUESTION_ANSWERED: _("delegation's answer recorded"),
    REPORT_DRAFTED: _("report drafted from the records"),
    REPORT_EDITED: _("report edited"),
    REPORT_REGENERATED: _("report drafted again"),
    REPORT_FINALISED: _("report made final"),
    REPORT_REOPENED: _("report set back to draft"),
    CONSULTATION_OPENED: _("consultation opened"),
    CONSULTATION_ANSWERED: _("answer recorded"),
    CONSULTATION_CLOSED: _("consultation closed"),
    CONSULTATION_TACIT_APPROVAL: _("approved by silence"),
})
