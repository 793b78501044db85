"""The action codes of fund: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

ENTRY_PLEDGED = "fund.entry.pledged"
ENTRY_CONTRIBUTION_RECEIVED = "fund.entry.contribution_received"
ENTRY_COMMITMENT = "fund.entry.commitment"
ENTRY_DISBURSEMENT = "fund.entry.disbursement"
ENTRY_EXPENDITURE = "fund.entry.expenditure"
ENTRY_REVERSED = "fund.entry.reversed"
ALLOCATION_DECIDED = "fund.allocation.decided"

ACTIONS = declare_actions({
    ENTRY_PLEDGED: _("pledge recorded"),
    ENTRY_CONTRIBUTION_RECEIVED: _("contribution received"),
    ENTRY_COMMITMENT: _("commitment recorded"),
    ENTRY_DISBURSEMENT: _("disbursement recorded"),
    ENTRY_EXPENDITURE: _("expenditure recorded"),
    ENTRY_REVERSED: _("reversing entry recorded"),
    ALLOCATION_DECIDED: _("allocation decided"),
})
