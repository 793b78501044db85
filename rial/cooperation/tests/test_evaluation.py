from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.cooperation import services
from rial.cooperation.models import Activity, Call, Evaluation, Proposal
from rial.cooperation.tests.factories import close, make_proposal, ministry, open_call
from rial.directory.tests.factories import user_with_position

pytestmark = pytest.mark.django_db
GOOD = {"relevance": 9, "opportunity": 8, "clarity": 9, "commitment": 10}


@pytest.fixture
def call_with_two(focal_cl, focal_br):
    """Chile asks Brazil (USD 3,200) and Brazil asks Chile (USD 3,300, experts to Brazil: 2 × (1000+200×3) + …)."""
    call = open_call(budget="5000.00")
    first = make_proposal(call, focal_cl, confirm_by=focal_br, title="First")
    second = make_proposal(call, focal_br, confirm_by=focal_cl, title="Second", requesting=ministry("BR"),
                           providing=ministry("CL"))
    return close(call), first, second


def test_scores_are_weighted_by_the_call_and_ranked(call_with_two, secretariat):
    call, first, second = call_with_two
    services.evaluation_record(proposal=first, user=secretariat, relevance=10, opportunity=10, clarity=10, commitment=10)
    services.evaluation_record(proposal=second, user=secretariat, relevance=10, opportunity=0, clarity=0, commitment=0)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.score, first.rank) == (Decimal("100.00"), 1)
    assert (second.score, second.rank) == (Decimal("30.00"), 2)  # relevance weighs 30%


@pytest.mark.parametrize("bad", [11, -1, "7", 2.5, True])
def test_scores_out_of_range_are_refused(call_with_two, secretariat, bad):
    _call, first, _second = call_with_two
    with pytest.raises(ValidationError, match="whole number from 0 to 10"):
        services.evaluation_record(proposal=first, user=secretariat, **{**GOOD, "clarity": bad})
    assert not Evaluation.objects.exists()


def test_the_score_page_refuses_out_of_range_scores(client, call_with_two, secretariat):
    _call, first, _second = call_with_two
    login(client, secretariat)
    response = client.post(reverse("cooperation:score", kwargs={"pk": first.pk}), {**GOOD, "relevance": 12})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_an_evaluator_cannot_score_a_proposal_of_their_own_ministry(call_with_two, focal_br):
    call, first, _second = call_with_two
    Call.objects.filter(pk=call.pk).update(authorities_evaluate=True)
    call.authority_evaluators.add(focal_br)
    with pytest.raises(ValidationError, match="your institution takes part"):
        services.evaluation_record(proposal=first, user=focal_br, **GOOD)
    assert not Evaluation.objects.exists()


def test_conflicts_are_left_out_of_the_evaluator_list(client, call_with_two):
    call, _first, _second = call_with_two
    Call.objects.filter(pk=call.pk).update(authorities_evaluate=True)
    argentina = user_with_position("eval-ar", ministry("AR"))
    chile = user_with_position("eval-cl", ministry("CL"))
    call.authority_evaluators.add(argentina, chile)
    page = login(client, chile).get(reverse("cooperation:evaluation", kwargs={"number": call.number}))
    assert page.context["to_score"] == [] and len(page.context["conflicts"]) == 2
    page = login(client, argentina).get(reverse("cooperation:evaluation", kwargs={"number": call.number}))
    assert len(page.context["to_score"]) == 2


def test_authorities_evaluate_only_when_the_call_says_so(call_with_two):
    _call, first, _second = call_with_two
    outsider = user_with_position("eval-ar", ministry("AR"))
    with pytest.raises(PermissionDenied):
        services.evaluation_record(proposal=first, user=outsider, **GOOD)


def test_a_proposal_without_the_provider_commitment_is_not_evaluated(focal_cl, secretariat):
    call = open_call()
    proposal = make_proposal(call, focal_cl)
    close(call)
    with pytest.raises(ValidationError, match="not confirmed its commitment"):
        services.evaluation_record(proposal=proposal, user=secretariat, **GOOD)


def _score_both(call_with_two, secretariat):
    call, first, second = call_with_two
    services.evaluation_record(proposal=first, user=secretariat, **GOOD)
    services.evaluation_record(proposal=second, user=secretariat, relevance=5, opportunity=5, clarity=5, commitment=5)
    return call, first, second


def test_the_platform_shows_what_fits_the_budget(call_with_two, secretariat):
    call, first, _second = _score_both(call_with_two, secretariat)
    assert services.fitting_selection(call) == [first]  # 3,200 + 3,300 > 5,000


def test_selecting_over_budget_is_refused(call_with_two, secretariat):
    call, first, second = _score_both(call_with_two, secretariat)
    with pytest.raises(ValidationError, match="more than the call's budget"):
        services.call_select(call=call, user=secretariat, proposals=[first, second])
    assert not Activity.objects.filter(call=call).exists()
    assert set(call.proposals.values_list("state", flat=True)) == {Proposal.State.SUBMITTED}


def test_selection_opens_activities_and_results_are_published(client, call_with_two, secretariat):
    call, first, second = _score_both(call_with_two, secretariat)
    login(client, secretariat)
    client.post(reverse("cooperation:selection", kwargs={"number": call.number}), {"proposal": [first.pk]})
    call.refresh_from_db()
    assert call.state == Call.State.EVALUATED
    assert Proposal.objects.get(pk=second.pk).state == Proposal.State.NOT_SELECTED
    assert Activity.objects.get(proposal=first).first_party == ministry("CL")
    client.logout()
    assert "First" not in client.get(call.get_absolute_url()).content.decode()
    services.call_publish(call=call, user=secretariat)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "First" in page and "Second" not in page


def test_a_crash_in_the_middle_of_selection_saves_nothing(call_with_two, secretariat, monkeypatch):
    call, first, second = _score_both(call_with_two, secretariat)
    Call.objects.filter(pk=call.pk).update(budget=Decimal("10000"))
    opened = []

    def crash_on_second(proposal, user):
        if opened:
            raise RuntimeError("the server went away")
        opened.append(original(proposal, user))
        return opened[-1]

    original = services._open_activity
    monkeypatch.setattr(services, "_open_activity", crash_on_second)
    with pytest.raises(RuntimeError):
        services.call_select(call=call, user=secretariat, proposals=[first, second])
    assert opened  # the first activity was written before the crash …
    assert not Activity.objects.filter(call=call).exists()  # … and rolled back with everything else
    assert set(call.proposals.values_list("state", flat=True)) == {Proposal.State.SUBMITTED}
    assert Call.objects.get(pk=call.pk).state == Call.State.CLOSED
