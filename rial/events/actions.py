"""The action codes of events: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

REGISTRATION_PENDING = "events.registration.pending"
REGISTRATION_WAITLISTED = "events.registration.waitlisted"
REGISTRATION_CONFIRMED = "events.registration.confirmed"
REGISTRATION_CANCELLED = "events.registration.cancelled"
REGISTRATION_MOVED_UP = "events.registration.moved_up"
REGISTRATION_ATTENDANCE = "events.registration.attendance"
ATTENDANCE = "events.attendance"
EVALUATION_ANSWERED = "events.evaluation.answered"
EVENT_REPORTED = "events.event.reported"

ACTIONS = declare_actions({
    REGISTRATION_PENDING: _("registered, awaiting confirmation"),
    REGISTRATION_WAITLISTED: _("registered on the waiting list"),
    REGISTRATION_CONFIRMED: _("registration confirmed"),
    REGISTRATION_CANCELLED: _("registration cancelled"),
    REGISTRATION_MOVED_UP: _("moved up from the waiting list"),
    REGISTRATION_ATTENDANCE: _("attendance recorded"),
    ATTENDANCE: _("attendance recorded for the meeting"),
    EVALUATION_ANSWERED: _("evaluation answered"),
    EVENT_REPORTED: _("event report written"),
})
