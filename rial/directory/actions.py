"""The action codes of directory: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

INSTITUTION_CONTACT_CHANGED = "directory.institution.contact_changed"
FOCAL_POINT_DESIGNATED = "directory.focal_point.designated"
FOCAL_POINT_ENDED = "directory.focal_point.ended"

ACTIONS = declare_actions({
    INSTITUTION_CONTACT_CHANGED: _("contact details changed"),
    FOCAL_POINT_DESIGNATED: _("focal point designated"),
    FOCAL_POINT_ENDED: _("focal point designation ended"),
})
