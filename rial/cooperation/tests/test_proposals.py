import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.cooperation import services
from rial.cooperation.models import Call, Modality, Proposal
from rial.cooperation.tests.factories import make_proposal, ministry, open_call, proposal_data, topic

pytestmark = pytest.mark.django_db


def test_the_cost_estimate_is_airfare_plus_per_diem_times_days_for_each_traveller(focal_cl):
    call = open_call()
    # Officials of Chile visit Brazil: Brazil's rates, 2 × (1000 + 200 × 3) = 3200.
    proposal = make_proposal(call, focal_cl, submit=False)
    assert proposal.cost_estimate == Decimal("3200.00")
    # Experts of Brazil visit Chile: Chile's rates, 2 × (900 + 250 × 3) = 3300.
    proposal = make_proposal(call, focal_cl, submit=False, modality=Modality.EXPERT_VISIT, title="Other")
    assert proposal.cost_estimate == Decimal("3300.00")
    assert make_proposal(call, focal_cl, submit=False, modality=Modality.VIRTUAL, title="V").cost_estimate == 0


def test_the_focal_point_proposes_through_the_page(client, focal_cl):
    call = open_call()
    login(client, focal_cl)
    response = client.post(reverse("cooperation:proposal_create", kwargs={"number": call.number}), {
        "requesting": ministry("CL").pk, "providing": ministry("BR").pk, "beneficiaries": [ministry("AR").pk],
        "modality": "provider_visit", "topics": [topic().pk], "title": "Inspection", "objectives": "o",
        "expected_results": "r", "agenda": "Day 1\nDay 2", "travellers": 1, "days": 2})
    proposal = Proposal.objects.get(title="Inspection")
    assert response.status_code == 302
    assert proposal.cost_estimate == Decimal("1400.00")
    assert list(proposal.beneficiaries.all()) == [ministry("AR")]


def test_a_focal_point_cannot_propose_for_another_ministry(client, focal_cl):
    call = open_call()
    with pytest.raises(PermissionDenied):
        services.proposal_save(proposal=Proposal(**proposal_data(call, requesting=ministry("AR"))), user=focal_cl,
                               topics=[topic()])
    login(client, focal_cl)
    response = client.post(reverse("cooperation:proposal_create", kwargs={"number": call.number}), {
        "requesting": ministry("AR").pk, "providing": ministry("BR").pk, "modality": "provider_visit",
        "topics": [topic().pk], "title": "Not mine", "objectives": "o", "expected_results": "r", "agenda": "Day 1",
        "travellers": 1, "days": 1})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Proposal.objects.filter(title="Not mine").exists()


def test_a_member_who_is_not_a_focal_point_cannot_propose(member_co):
    with pytest.raises(PermissionDenied):
        services.proposal_save(proposal=Proposal(**proposal_data(open_call(), requesting=ministry("CO"))),
                               user=member_co, topics=[topic()])


def test_a_proposal_for_a_closed_call_is_refused(client, focal_cl):
    call = open_call()
    Call.objects.filter(pk=call.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    call.refresh_from_db()
    with pytest.raises(ValidationError, match="not open for proposals"):
        services.proposal_save(proposal=Proposal(**proposal_data(call)), user=focal_cl, topics=[topic()])
    login(client, focal_cl)
    response = client.get(reverse("cooperation:proposal_create", kwargs={"number": call.number}), follow=True)
    assert "is not open for proposals" in response.content.decode()
    assert not Proposal.objects.exists()


def test_submission_after_the_close_is_refused_and_editing_stops(focal_cl):
    call = open_call()
    proposal = make_proposal(call, focal_cl, submit=False)
    Call.objects.filter(pk=call.pk).update(state=Call.State.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.proposal_submit(proposal=proposal, user=focal_cl)
    proposal.title = "Changed"
    with pytest.raises(ValidationError):
        services.proposal_save(proposal=proposal, user=focal_cl, topics=[topic()])
    assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.DRAFT
    assert Proposal.objects.get(pk=proposal.pk).title != "Changed"


def test_the_call_limits_travellers_days_and_modalities(focal_cl):
    call = open_call(allows_virtual=False)
    with pytest.raises(ValidationError) as error:
        services.proposal_save(proposal=Proposal(**proposal_data(call, travellers=9, days=30, modality="virtual")),
                               user=focal_cl, topics=[topic()])
    assert set(error.value.message_dict) == {"travellers", "days", "modality"}
    assert not Proposal.objects.exists()


def test_only_the_providing_focal_point_confirms_the_commitment(focal_cl, focal_br):
    proposal = make_proposal(open_call(), focal_cl)
    with pytest.raises(PermissionDenied):
        services.proposal_confirm_commitment(proposal=proposal, user=focal_cl)
    services.proposal_confirm_commitment(proposal=proposal, user=focal_br)
    assert Proposal.objects.get(pk=proposal.pk).commitment_confirmed


def test_changing_the_terms_asks_the_provider_to_confirm_again(focal_cl, focal_br):
    proposal = make_proposal(open_call(), focal_cl, confirm_by=focal_br)
    proposal.days = 4
    services.proposal_save(proposal=proposal, user=focal_cl, topics=[topic()])
    assert not Proposal.objects.get(pk=proposal.pk).commitment_confirmed


def test_a_draft_proposal_is_private_to_its_ministries(client, focal_cl, focal_br, member_co):
    proposal = make_proposal(open_call(), focal_cl, submit=False)
    url = reverse("cooperation:proposal", kwargs={"pk": proposal.pk})
    assert client.get(url).status_code == 403
    assert login(client, member_co).get(url).status_code == 403
    assert login(client, focal_br).get(url).status_code == 200
