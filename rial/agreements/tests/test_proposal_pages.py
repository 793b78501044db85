"""The proposal pages: who sees and does what; bad input is a form error that changes nothing."""

import pytest
from django.urls import reverse

from conftest import login
from rial.agreements import proposals as services
from rial.agreements.models import Proposal
from rial.directory.models import Country

pytestmark = pytest.mark.django_db


def _proposal(user) -> Proposal:
    return services.proposal_create(user=user, kind=Proposal.Kind.NEW, country=Country.objects.get(iso2="CL"),
                                    partner=Country.objects.get(iso2="BO"), description="Pensions.",
                                    source="Diario Oficial")


def _form(**changes) -> dict:
    data = {"kind": "new", "country": "CL", "partner": "BO", "title": "", "signed": "", "in_force": "2000-01-01",
            "description": "Old-age pensions.", "source": "Diario Oficial", "source_url": ""}
    data.update(changes)
    return data


def test_a_focal_point_proposes_on_the_page_and_lands_on_the_proposal(client, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("agreements:proposal_new")).status_code == 200
    response = client.post(reverse("agreements:proposal_new"), _form())
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Submitted for review" in page and "Withdraw the proposal" in page and "Accept" not in page


def test_a_correction_is_prefilled_from_the_agreement(client, focal_cl):
    login(client, focal_cl)
    form = client.get(reverse("agreements:proposal_new"), {"agreement": "ca-cl"}).context["form"]
    assert (form.initial["kind"], form.initial["agreement"]) == ("correction", "ca-cl")


@pytest.mark.parametrize("changes", [{"source": ""}, {"in_force": "01/01/2000"}, {"partner": "CL"},
                                     {"country": "BR"}, {"source_url": "not an address"}])
def test_bad_input_is_a_form_error_and_saves_nothing(client, focal_cl, changes):
    login(client, focal_cl)
    response = client.post(reverse("agreements:proposal_new"), _form(**changes))
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Proposal.objects.exists()


def test_the_form_is_refused_to_anyone_but_focal_points(client, member_co, secretariat):
    assert client.get(reverse("agreements:proposal_new")).status_code == 302  # to the login page
    for user in (member_co, secretariat):
        login(client, user)
        assert client.get(reverse("agreements:proposal_new")).status_code == 403
        assert client.post(reverse("agreements:proposal_new"), _form()).status_code == 403
    assert not Proposal.objects.exists()


def test_another_ministry_cannot_see_or_move_a_proposal(client, focal_cl, focal_br):
    proposal = _proposal(focal_cl)
    login(client, focal_br)
    assert client.get(proposal.get_absolute_url()).status_code == 403
    assert client.post(reverse("agreements:proposal_move", args=[proposal.pk, "withdraw"])).status_code == 403
    assert client.get(reverse("agreements:proposals")).context["page"].paginator.count == 0
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED


def test_the_secretariat_reviews_on_the_page(client, focal_cl, secretariat):
    proposal = _proposal(focal_cl)
    login(client, secretariat)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Return for more information" in page
    response = client.post(reverse("agreements:proposal_move", args=[proposal.pk, "reject"]), {"comment": ""})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    response = client.post(reverse("agreements:proposal_move", args=[proposal.pk, "accept"]), {"comment": "OK"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.ACCEPTED
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Accepted" in page and "“OK”" in page
    # A second decision is refused with the workflow's sentence.
    response = client.post(reverse("agreements:proposal_move", args=[proposal.pk, "return"]), {"comment": "x"})
    assert response.status_code == 400 and "is not possible" in response.content.decode()


def test_a_focal_point_cannot_review_their_own_proposal(client, focal_cl):
    proposal = _proposal(focal_cl)
    login(client, focal_cl)
    assert client.post(reverse("agreements:proposal_move", args=[proposal.pk, "accept"])).status_code == 403
    assert client.post(reverse("agreements:proposal_move", args=[proposal.pk, "nonsense"])).status_code == 403


def test_the_focal_point_answers_a_returned_proposal(client, focal_cl, secretariat):
    proposal = services.proposal_return(proposal=_proposal(focal_cl), user=secretariat, comment="Which one?")
    login(client, focal_cl)
    response = client.post(reverse("agreements:proposal_move", args=[proposal.pk, "resubmit"]),
                           {"description": "", "source": "x"})
    assert response.status_code == 400
    response = client.post(reverse("agreements:proposal_move", args=[proposal.pk, "resubmit"]),
                           {"description": "Decreto 12", "source": "Diario Oficial 2001"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.state, proposal.description) == (Proposal.State.SUBMITTED, "Decreto 12")


def test_the_queue_is_for_the_secretariat_and_focal_points(client, member_co):
    assert client.get(reverse("agreements:proposals")).status_code == 302
    login(client, member_co)
    assert client.get(reverse("agreements:proposals")).status_code == 403


def test_the_queue_runs_a_constant_number_of_queries(client, focal_cl, secretariat, django_assert_max_num_queries):
    for _ in range(3):
        _proposal(focal_cl)
    login(client, secretariat)
    with django_assert_max_num_queries(12) as captured:
        response = client.get(reverse("agreements:proposals"))
    first = len(captured.captured_queries)
    for _ in range(5):
        _proposal(focal_cl)
    with django_assert_max_num_queries(first):
        response = client.get(reverse("agreements:proposals"), {"state": "submitted"})
    assert response.context["page"].paginator.count == 8


def test_the_agreement_page_offers_a_correction_to_focal_points_only(client, focal_cl):
    url = reverse("agreements:detail", kwargs={"slug": "ca-cl"})
    link = f'{reverse("agreements:proposal_new")}?agreement=ca-cl'
    assert link not in client.get(url).content.decode()
    login(client, focal_cl)
    assert link in client.get(url).content.decode()
