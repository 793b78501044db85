"""The action codes of the foundation (see rial.core.audit.declare_actions)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

ARCHIVED = "core.archived"
UNARCHIVED = "core.unarchived"
RESTORED = "core.restored"  # followed by the id of the history row brought back: see restored()
REFERENCE_LOADED = "core.reference.loaded"
REFERENCE_UPDATED = "core.reference.updated"
DEMO_TRANSLATED = "core.demo.translated"

ACTIONS = declare_actions({
    ARCHIVED: _("archived"),
    UNARCHIVED: _("brought back from the archive"),
    RESTORED: _("earlier version restored"),
    REFERENCE_LOADED: _("loaded from the reference data"),
    REFERENCE_UPDATED: _("updated from the reference data"),
    DEMO_TRANSLATED: _("demo texts given in every language"),
})


def restored(history_id: int) -> str:
    """The code of a restore that names the version it brought back (``core.restored.42``); the history
    page shows it as its label followed by that number."""
    return f"{RESTORED}.{history_id}"
