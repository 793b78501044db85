"""The action codes of newsletter: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

SUBSCRIBER_REQUESTED = "newsletter.subscriber.requested"
SUBSCRIBER_CONFIRMED = "newsletter.subscriber.confirmed"
SUBSCRIBER_UNSUBSCRIBED = "newsletter.subscriber.unsubscribed"
SUBSCRIBER_UNSUBSCRIBED_BY_SECRETARIAT = "newsletter.subscriber.unsubscribed_by_secretariat"
SUBSCRIBER_DISABLED = "newsletter.subscriber.disabled"
ISSUE_SAVED = "newsletter.issue.saved"
ISSUE_SENDING = "newsletter.issue.sending"
ISSUE_RESUMED = "newsletter.issue.resumed"
ISSUE_RESENT_INTERRUPTED = "newsletter.issue.resent_interrupted"
ISSUE_FINISHED = "newsletter.issue.finished"
ITEM_ADDED = "newsletter.item.added"
ITEM_SAVED = "newsletter.item.saved"
ITEM_MOVED = "newsletter.item.moved"
ITEM_REMOVED = "newsletter.item.removed"

ACTIONS = declare_actions({
    SUBSCRIBER_REQUESTED: _("subscription requested"),
    SUBSCRIBER_CONFIRMED: _("subscription confirmed"),
    SUBSCRIBER_UNSUBSCRIBED: _("unsubscribed"),
    SUBSCRIBER_UNSUBSCRIBED_BY_SECRETARIAT: _("unsubscribed by the Secretariat"),
    SUBSCRIBER_DISABLED: _("address disabled after bounces"),
    ISSUE_SAVED: _("issue saved"),
    ISSUE_SENDING: _("sending started"),
    ISSUE_RESUMED: _("sending resumed"),
    ISSUE_RESENT_INTERRUPTED: _("interrupted deliveries sent again"),
    ISSUE_FINISHED: _("sending finished"),
    ITEM_ADDED: _("item added"),
    ITEM_SAVED: _("item saved"),
    ITEM_MOVED: _("item moved"),
    ITEM_REMOVED: _("item removed"),
})
