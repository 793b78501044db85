"""The action codes of conference: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

MANDATE_EDITED = "conference.mandate.edited"
MANDATE_FOLLOWED_UP = "conference.mandate.followed_up"
MANDATE_ROLLED_UP = "conference.mandate.rolled_up"
MANDATE_REMINDED = "conference.mandate.reminded"
MANDATE_PROPOSED = "conference.mandate.proposed"
MANDATE_IMPORTED = "conference.mandate.imported"
MANDATE_ARCHIVED_BY_REVISION = "conference.mandate.archived_by_revision"
PLAN_IMPORTED = "conference.plan.imported"
PLAN_FILE_ATTACHED = "conference.plan.file_attached"
CONFERENCE_IMPORTED = "conference.conference.imported"
TROIKA_IMPORTED = "conference.troika.imported"
WORKING_GROUP_IMPORTED = "conference.workinggroup.imported"
DECLARATION_CREATED = "conference.declaration.created"
DECLARATION_CHANGED = "conference.declaration.changed"
REPORT_ADDED = "conference.report.added"
EVIDENCE_ADDED = "conference.evidence.added"
DOCUMENT_DRAFT = "conference.document.draft"
DOCUMENT_ADOPTED = "conference.document.adopted"
DOCUMENT_FINAL = "conference.document.final"
CONFERENCE_DEMO = "conference.conference.demo"

ACTIONS = declare_actions({
    CONFERENCE_DEMO: _("demo record loaded"),
    MANDATE_EDITED: _("classification corrected"),
    MANDATE_FOLLOWED_UP: _("follow-up recorded"),
    MANDATE_ROLLED_UP: _("progress updated from its items"),
    MANDATE_REMINDED: _("due-date reminder sent"),
    MANDATE_PROPOSED: _("proposed for a draft plan"),
    MANDATE_IMPORTED: _("imported from a plan"),
    MANDATE_ARCHIVED_BY_REVISION: _("archived by a revision of the plan"),
    PLAN_IMPORTED: _("plan imported"),
    PLAN_FILE_ATTACHED: _("file attached"),
    CONFERENCE_IMPORTED: _("conference imported"),
    TROIKA_IMPORTED: _("troika imported"),
    WORKING_GROUP_IMPORTED: _("working group imported"),
    DECLARATION_CREATED: _("declaration created"),
    DECLARATION_CHANGED: _("declaration changed"),
    REPORT_ADDED: _("progress report added"),
    EVIDENCE_ADDED: _("evidence added"),
    DOCUMENT_DRAFT: _("returned to draft"),
    DOCUMENT_ADOPTED: _("marked as adopted"),
    DOCUMENT_FINAL: _("marked as final"),
})
