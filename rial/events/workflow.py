"""The states of a registration and the moves between them (rial.core.workflow)."""

from django.utils.translation import gettext_lazy as _

from rial.core.workflow import Move, Workflow
from rial.events.models import Registration

S = Registration.Status

REGISTRATION = Workflow(field="status", states=S, moves={
    "confirm": Move({S.PENDING}, S.CONFIRMED, _("confirm"), "events.confirm_registration"),
    "cancel": Move({S.PENDING, S.CONFIRMED, S.WAITLISTED}, S.CANCELLED, _("cancel"), "events.cancel_registration"),
    # A place became free: the first on the waiting list moves up (no one acts: the cancellation does it).
    "move_up": Move({S.WAITLISTED}, S.CONFIRMED, _("move up from the waiting list")),
    "move_up_for_confirmation": Move({S.WAITLISTED}, S.PENDING, _("move up from the waiting list")),
})
