"""The action codes of agreements: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

AGREEMENT_REFERENCE_LOADED = "agreements.agreement.reference_loaded"
AGREEMENT_IMPORTED = "agreements.agreement.imported"
AGREEMENT_PROPOSAL_ACCEPTED = "agreements.agreement.proposal_accepted"
PROPOSAL_SUBMITTED = "agreements.proposal.submitted"
PROPOSAL_RESUBMITTED = "agreements.proposal.resubmitted"
PROPOSAL_ACCEPTED = "agreements.proposal.accepted"
PROPOSAL_RETURNED = "agreements.proposal.returned"
PROPOSAL_REJECTED = "agreements.proposal.rejected"
PROPOSAL_WITHDRAWN = "agreements.proposal.withdrawn"

ACTIONS = declare_actions({
    AGREEMENT_REFERENCE_LOADED: _("loaded from the reference data"),
    AGREEMENT_IMPORTED: _("imported from a file"),
    AGREEMENT_PROPOSAL_ACCEPTED: _("added from an accepted proposal"),
    PROPOSAL_SUBMITTED: _("proposal submitted"),
    PROPOSAL_RESUBMITTED: _("proposal submitted again"),
    PROPOSAL_ACCEPTED: _("proposal accepted"),
    PROPOSAL_RETURNED: _("proposal returned for more information"),
    PROPOSAL_REJECTED: _("proposal rejected"),
    PROPOSAL_WITHDRAWN: _("proposal withdrawn"),
})
