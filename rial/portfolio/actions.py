"""The action codes of portfolio: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

PROGRAM_CREATED = "portfolio.program.created"
PROGRAM_CHANGED = "portfolio.program.changed"
PROGRAM_SUBMITTED = "portfolio.program.submitted"
PROGRAM_RETURNED = "portfolio.program.returned"
PROGRAM_PUBLISHED = "portfolio.program.published"
PROGRAM_REVIEW_CONFIRMED = "portfolio.program.review_confirmed"
PROGRAM_REVISION_STARTED = "portfolio.program.revision_started"
PROGRAM_UPDATE_PUBLISHED = "portfolio.program.update_published"
PROGRAM_REVISION_MERGED = "portfolio.program.revision_merged"
PROGRAM_IMPORTED_CREATED = "portfolio.program.imported.created"
PROGRAM_IMPORTED_UPDATED = "portfolio.program.imported.updated"

ACTIONS = declare_actions({
    PROGRAM_CREATED: _("draft created"),
    PROGRAM_CHANGED: _("draft changed"),
    PROGRAM_SUBMITTED: _("submitted for review"),
    PROGRAM_RETURNED: _("returned with comments"),
    PROGRAM_PUBLISHED: _("published"),
    PROGRAM_REVIEW_CONFIRMED: _("review confirmed"),
    PROGRAM_REVISION_STARTED: _("update started"),
    PROGRAM_UPDATE_PUBLISHED: _("update published"),
    PROGRAM_REVISION_MERGED: _("update merged into the published program"),
    PROGRAM_IMPORTED_CREATED: _("created by an import"),
    PROGRAM_IMPORTED_UPDATED: _("updated by an import"),
})
