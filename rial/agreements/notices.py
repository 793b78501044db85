"""The kinds of notification the social security agreements send (their senders live in ``proposals.py``)."""

from django.utils.translation import gettext_lazy as _

from rial.notifications.kinds import declare_kinds

KINDS = declare_kinds({
    "agreements.proposal.submitted": _("Agreements: a proposed correction to review (the Secretariat)"),
    "agreements.proposal.decided": _("Agreements: the decision on a correction you proposed"),
})
