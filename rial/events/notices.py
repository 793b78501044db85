"""The kinds of notification events send (their senders live in ``services.py``)."""

from django.utils.translation import gettext_lazy as _

from rial.notifications.kinds import declare_kinds

KINDS = declare_kinds({
    "events.registration.pending": _("Events: registrations to confirm (the Secretariat)"),
})
