"""Proposals move submitted → accepted / returned → submitted / rejected / withdrawn, and nothing else."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rial.agreements import proposals as services
from rial.agreements.coverage import coverage
from rial.agreements.models import Agreement, Proposal
from rial.directory.models import Country
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db
S = Proposal.State


def _new(user, **changes) -> Proposal:
    values = {"user": user, "kind": Proposal.Kind.NEW, "country": Country.objects.get(iso2="CL"),
                  "partner": Country.objects.get(iso2="MX"), "signed": datetime.date(1996, 2, 1),
                  "in_force": datetime.date(1997, 1, 1), "description": "Pensions of old age, invalidity and survivors.",
                  "source": "Diario Oficial de Chile, decreto promulgatorio", "source_url": "https://www.bcn.cl/"}
    values.update(changes)
    return services.proposal_create(**values)


def _steps(proposal) -> list[tuple[str, str, str]]:
    return [(t.action, t.from_state, t.to_state) for t in proposal.transitions.all()]


def test_a_focal_point_proposes_a_missing_agreement_and_the_secretariat_is_told(focal_cl, secretariat):
    proposal = _new(focal_cl)
    assert (proposal.state, proposal.institution.country.iso2) == (S.SUBMITTED, "CL")
    assert _steps(proposal) == [("submit", "", S.SUBMITTED)]
    assert Notification.objects.filter(kind="agreements.proposal.submitted", user=secretariat).exists()
    assert proposal.history.count() == 1


def test_accepting_a_missing_agreement_adds_it_verified_and_answers_the_lookup(focal_cl, secretariat):
    assert not coverage("CL", "MX", datetime.date(2024, 1, 1)).covered
    proposal = services.proposal_accept(proposal=_new(focal_cl), user=secretariat, comment="Checked in the gazette.")
    assert proposal.state == S.ACCEPTED and proposal.decided_at is not None
    agreement = proposal.agreement
    assert (agreement.kind, agreement.in_force, agreement.verified) == ("bilateral", datetime.date(1997, 1, 1), True)
    assert agreement.source.startswith("Diario Oficial de Chile")
    answer = coverage("CL", "MX", datetime.date(2024, 1, 1))
    assert [f.agreement for f in answer.agreements] == [agreement]
    assert services.records_reviewed() >= services.REFERENCE_REVIEWED
    assert Notification.objects.filter(kind="agreements.proposal.decided", user=focal_cl).exists()
    assert _steps(proposal)[-1] == ("accept", S.SUBMITTED, S.ACCEPTED)


def test_a_correction_is_accepted_without_changing_the_agreement_by_itself(focal_cl, secretariat):
    agreement = Agreement.objects.get(slug="ca-cl")
    proposal = services.proposal_create(user=focal_cl, kind=Proposal.Kind.CORRECTION, country=agreement.parties.get(
        country__iso2="CL").country, agreement=agreement, description="The detachment period is 60 months.",
        source="Decreto 1.179 de 1998")
    services.proposal_accept(proposal=proposal, user=secretariat)
    agreement.refresh_from_db()
    assert agreement.max_detachment_months is None  # the Secretariat makes the change in the back office


def test_returned_then_submitted_again_with_the_answer(focal_cl, secretariat):
    proposal = services.proposal_return(proposal=_new(focal_cl), user=secretariat, comment="Which gazette number?")
    assert (proposal.state, proposal.review_comment) == (S.RETURNED, "Which gazette number?")
    assert Notification.objects.filter(kind="agreements.proposal.decided", user=focal_cl).exists()
    proposal = services.proposal_resubmit(proposal=proposal, user=focal_cl, description="Same.",
                                          source="Diario Oficial No. 35.401")
    assert (proposal.state, proposal.source) == (S.SUBMITTED, "Diario Oficial No. 35.401")
    assert [step[0] for step in _steps(proposal)] == ["submit", "return", "resubmit"]
    assert Notification.objects.filter(kind="agreements.proposal.submitted", user=secretariat).count() == 2


def test_rejected_with_a_reason(focal_cl, secretariat):
    proposal = services.proposal_reject(proposal=_new(focal_cl), user=secretariat, comment="Never ratified.")
    assert (proposal.state, proposal.agreement) == (S.REJECTED, None)


def test_withdrawn_by_the_focal_point_while_open(focal_cl):
    proposal = services.proposal_withdraw(proposal=_new(focal_cl), user=focal_cl)
    assert proposal.state == S.WITHDRAWN


@pytest.mark.parametrize("action", ["return", "reject"])
def test_returning_or_rejecting_needs_a_reason_and_changes_nothing(focal_cl, secretariat, action):
    proposal = _new(focal_cl)
    move = {"return": services.proposal_return, "reject": services.proposal_reject}[action]
    with pytest.raises(ValidationError) as error:
        move(proposal=proposal, user=secretariat, comment="  ")
    assert "comment" in error.value.message_dict
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED and len(_steps(proposal)) == 1


def test_a_decided_proposal_cannot_move_again(focal_cl, secretariat):
    proposal = services.proposal_reject(proposal=_new(focal_cl), user=secretariat, comment="No.")
    with pytest.raises(ValidationError) as error:
        services.proposal_accept(proposal=proposal, user=secretariat)
    assert "is not possible when the status is “Rejected”" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.proposal_withdraw(proposal=proposal, user=focal_cl)


def test_a_submitted_proposal_cannot_be_submitted_again(focal_cl):
    proposal = _new(focal_cl)
    with pytest.raises(ValidationError):
        services.proposal_resubmit(proposal=proposal, user=focal_cl, description="x", source="y")


def test_only_the_secretariat_reviews(focal_cl, focal_br):
    proposal = _new(focal_cl)
    for user in (focal_cl, focal_br):
        with pytest.raises(PermissionDenied):
            services.proposal_accept(proposal=proposal, user=user)


def test_only_the_proposing_ministry_withdraws_or_resubmits(focal_cl, focal_br, secretariat):
    proposal = _new(focal_cl)
    with pytest.raises(PermissionDenied):
        services.proposal_withdraw(proposal=proposal, user=focal_br)
    services.proposal_return(proposal=proposal, user=secretariat, comment="Source?")
    with pytest.raises(PermissionDenied):
        services.proposal_resubmit(proposal=proposal, user=focal_br, description="x", source="y")


def test_a_focal_point_proposes_only_for_their_own_country(focal_br, member_co):
    with pytest.raises(PermissionDenied):
        _new(focal_br)  # Chile is not Brazil
    with pytest.raises(PermissionDenied):
        _new(member_co, country=Country.objects.get(iso2="CO"))  # a member, not a focal point
    assert not Proposal.objects.exists()


def test_a_correction_must_name_an_agreement_of_that_country(focal_cl):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(user=focal_cl, kind=Proposal.Kind.CORRECTION, country=Country.objects.get(iso2="CL"),
                                 agreement=Agreement.objects.get(slug="ca-jm"), description="x", source="y")
    assert "agreement" in error.value.message_dict


@pytest.mark.parametrize("changes, field", [
    ({"source": " "}, "source"),
    ({"description": ""}, "description"),
    ({"partner": None}, "partner"),
    ({"in_force": datetime.date(1990, 1, 1)}, "in_force"),
])
def test_bad_input_is_refused_and_nothing_is_saved(focal_cl, changes, field):
    with pytest.raises(ValidationError) as error:
        _new(focal_cl, **changes)
    assert field in error.value.message_dict
    assert not Proposal.objects.exists()
