import pytest

from rial.cooperation import services
from rial.cooperation.tests.factories import close, make_proposal, ministry, open_call

SCORES = {"relevance": 9, "opportunity": 8, "clarity": 9, "commitment": 10}


@pytest.fixture
def planned_activity(focal_cl, focal_br, secretariat):
    """A selected proposal of Chile (requester) and Brazil (provider), with Argentina as a further beneficiary."""
    call = open_call()
    proposal = make_proposal(call, focal_cl, submit=False)
    proposal.beneficiaries.add(ministry("AR"))
    services.proposal_submit(proposal=proposal, user=focal_cl)
    services.proposal_confirm_commitment(proposal=proposal, user=focal_br)
    call = close(call)
    services.evaluation_record(proposal=proposal, user=secretariat, **SCORES)
    [activity] = services.call_select(call=call, user=secretariat, proposals=[proposal])
    services.call_publish(call=call, user=secretariat)
    return activity
