import pytest
from django.urls import reverse

from rial.cooperation import demo
from rial.cooperation.models import Activity, Call, Outcome, Proposal
from rial.directory import demo as directory_demo

pytestmark = pytest.mark.django_db


def test_reference_calls_and_activities_are_loaded_with_their_sources():
    sixth = Call.objects.get(number=6)
    assert (sixth.reported_proposals, sixth.reported_selected, sixth.verified) == (63, 8, True)
    assert sixth.activities.count() == 7
    assert Activity.objects.filter(proposal=None).count() == 10
    assert all(activity.source for activity in Activity.objects.filter(proposal=None))
    assert not Call.objects.get(number=14).allows_provider_visit


def test_the_demo_runs_a_call_end_to_end():
    directory_demo.load_demo()
    demo.load_demo()
    call = Call.objects.get(number=demo.DEMO_CALL)
    assert call.is_demo and call.state == Call.State.PUBLISHED
    assert call.proposals.count() == 2
    selected = call.proposals.get(state=Proposal.State.SELECTED)
    assert selected.cost_estimate <= call.budget
    assert call.proposals.get(state=Proposal.State.NOT_SELECTED).cost_estimate > call.budget - selected.cost_estimate
    activity = selected.activity
    assert activity.state == Activity.State.COMPLETED
    assert activity.reports.count() == 2
    assert set(activity.outcomes.values_list("category", flat=True)) == {Outcome.Category.PROCESS,
                                                                         Outcome.Category.TRAINING}
    demo.load_demo()  # idempotent
    assert Call.objects.filter(number=demo.DEMO_CALL).count() == 1


def test_the_demo_has_an_open_call_with_proposals_at_each_stage():
    directory_demo.load_demo()
    demo.load_demo()
    call = Call.objects.get(number=demo.DEMO_OPEN_CALL)
    assert call.is_demo and call.state == Call.State.OPEN and call.accepts_proposals()
    stages = {(proposal.state, proposal.commitment_confirmed_at is not None) for proposal in call.proposals.all()}
    assert stages == {(Proposal.State.DRAFT, False), (Proposal.State.SUBMITTED, False), (Proposal.State.SUBMITTED, True)}
    demo.load_demo()  # idempotent
    assert call.proposals.count() == 3


def test_the_demo_call_shows_on_the_pages(client):
    directory_demo.load_demo()
    demo.load_demo()
    page = client.get(reverse("cooperation:call", kwargs={"number": demo.DEMO_CALL})).content.decode()
    assert "DEMO Electronic labor inspection case management" in page
    assert "DEMO Public employment services" not in page  # not selected: not in the public results
    impact = client.get(reverse("cooperation:impact")).content.decode()
    assert "Internal processes changed" in impact
    assert "<svg" in impact
