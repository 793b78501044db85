"""The action codes of the foundation (see rial.core.audit.declare_actions)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

ARCHIVED = "core.archived"
UNARCHIVED = "core.unarchived"
RESTORED = "core.restored"  # followed by the id of the history row brought back

ACTIONS = declare_actions({
    ARCHIVED: _("archived"),
    UNARCHIVED: _("brought back from the archive"),
    RESTORED: _("earlier version restored"),
})
