"""The transition tables of the newsletter (rial.core.workflow): issues and subscriptions."""

from django.utils.translation import gettext_lazy as _

from rial.core.workflow import Move, Workflow
from rial.newsletter.models import Issue, Subscriber

ISSUE = Workflow(field="state", states=Issue.State, moves={
    "send": Move({Issue.State.DRAFT}, Issue.State.SENDING, _("send"), "newsletter.send_issue"),
    "finish": Move({Issue.State.SENDING}, Issue.State.SENT, _("finish sending")),
    "reopen": Move({Issue.State.SENT}, Issue.State.SENDING, _("send the interrupted messages again"),
                   "newsletter.send_issue"),
})

S = Subscriber.State
SUBSCRIPTION = Workflow(field="state", states=Subscriber.State, moves={
    "request": Move({S.PENDING, S.UNSUBSCRIBED, S.BOUNCED}, S.PENDING, _("subscribe")),
    "confirm": Move({S.PENDING}, S.CONFIRMED, _("confirm the subscription")),
    "unsubscribe": Move({S.PENDING, S.CONFIRMED}, S.UNSUBSCRIBED, _("unsubscribe")),
    "disable": Move({S.PENDING, S.CONFIRMED}, S.BOUNCED, _("disable the address")),
})
