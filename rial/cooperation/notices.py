"""Who bilateral cooperation tells, and what: the ministry named as provider in a proposal, both parties
when the call's results are selected, and a party whose report on an activity falls due."""

from django.utils.translation import gettext_lazy as _

from rial.cooperation.models import Activity, Proposal
from rial.directory.models import Institution
from rial.directory.recipients import institution_recipients
from rial.notifications.kinds import declare_kinds
from rial.notifications.services import Page, notify

KINDS = declare_kinds({
    "cooperation.proposal.counterpart": _("Cooperation: a proposal naming your ministry as provider"),
    "cooperation.proposal.selected": _("Cooperation: a proposal of your ministry was selected"),
    "cooperation.proposal.not_selected": _("Cooperation: a proposal of your ministry was not selected"),
    "cooperation.report.due": _("Cooperation: an activity report due from your ministry"),
})


def proposal_counterpart(proposal: Proposal) -> int:
    """The providing ministry is asked to confirm what the proposal commits it to (once per provider)."""
    if proposal.commitment_confirmed_at is not None:
        return 0
    return len(notify(kind="cooperation.proposal.counterpart",
                      key=f"cooperation.proposal.counterpart:{proposal.pk}:{proposal.providing_id}",
                      recipients=institution_recipients([proposal.providing_id]),
                      template="cooperation/email/proposal_counterpart",
                      context={"proposal": proposal, "requesting": proposal.requesting, "call": proposal.call},
                      target=proposal))


def proposals_decided(proposals) -> int:
    """Both parties of each proposal hear whether it was selected."""
    told = 0
    for proposal in proposals:
        told += len(notify(kind=f"cooperation.proposal.{proposal.state}",
                           key=f"cooperation.proposal.decided:{proposal.pk}",
                           recipients=institution_recipients([proposal.requesting_id, proposal.providing_id]),
                           template=f"cooperation/email/proposal_{proposal.state}",
                           context={"proposal": proposal, "call": proposal.call}, target=proposal))
    return told


def report_due(activity: Activity, institution: Institution) -> int:
    """A party's report on an activity is due (once per activity, party and deadline)."""
    deadline = activity.report_deadline
    return len(notify(kind="cooperation.report.due",
                      key=f"cooperation.report.due:{activity.pk}:{institution.pk}:{deadline}",
                      recipients=institution_recipients([institution.pk]),
                      template="cooperation/email/report_reminder",
                      context={"activity": activity, "institution": institution, "deadline": deadline},
                      target=Page("cooperation:report", pk=activity.pk)))
