"""Pages of the proposals: focal points propose for their country, the Secretariat reviews (proposals.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.agreements import proposals as services
from rial.agreements.forms import ProposalForm, ResubmitForm, ReviewForm
from rial.agreements.models import Agreement, Proposal
from rial.core.forms import add_service_error
from rial.core.pagination import Paginator
from rial.core.permissions import authorize
from rial.directory.models import Country


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    if not (request.user.has_perm("agreements.review_proposal") or request.user.has_perm("agreements.propose_change")):
        raise PermissionDenied
    state = request.GET.get("state", "")
    proposals = (Proposal.objects.visible_to(request.user)
                 .select_related("country", "agreement", "partner", "proposed_by"))
    if state in Proposal.State.values:
        proposals = proposals.filter(state=state)
    page = Paginator(proposals, 50).get_page(request.GET.get("page"))
    return render(request, "agreements/proposals/list.html", {
        "page": page, "state": state, "states": Proposal.State.choices,
        "can_propose": request.user.has_perm("agreements.propose_change"),
    })


def _own_countries(user):
    return list(Country.objects.filter(institutions__pk__in=roles_for(user).focal_point_for).distinct().order_by("name"))


@login_required
def proposal_new(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "agreements.propose_change")
    countries = _own_countries(request.user)
    agreements = (Agreement.objects.active().filter(parties__country__in=countries).distinct().order_by("title"))
    initial = {"country": countries[0].iso2 if countries else "", "kind": Proposal.Kind.NEW}
    if request.GET.get("agreement"):
        initial.update(kind=Proposal.Kind.CORRECTION, agreement=request.GET["agreement"])
    form = ProposalForm(request.POST or None, initial=initial, countries=countries, agreements=agreements)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.proposal_create(
                user=request.user, kind=data["kind"], country=Country.objects.get(iso2=data["country"]),
                agreement=Agreement.objects.filter(slug=data["agreement"]).first() if data["agreement"] else None,
                partner=Country.objects.filter(iso2=data["partner"]).first() if data["partner"] else None,
                title=data["title"], signed=data["signed"], in_force=data["in_force"],
                description=data["description"], source=data["source"], source_url=data["source_url"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your proposal was sent to the Technical Secretariat for review."))
            return redirect(proposal)
    return render(request, "agreements/proposals/form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


def _detail(request: HttpRequest, proposal, *, review_form=None, resubmit_form=None, status=200) -> HttpResponse:
    user = request.user
    allowed = services.PROPOSAL.allowed(proposal, user)
    return render(request, "agreements/proposals/detail.html", {
        "proposal": proposal,
        "transitions": proposal.transitions.select_related("user"),
        "can_review": bool({"accept", "return", "reject"} & set(allowed)),
        "can_resubmit": "resubmit" in allowed, "can_withdraw": "withdraw" in allowed,
        "review_form": review_form or ReviewForm(),
        "resubmit_form": resubmit_form or ResubmitForm(initial={
            "description": proposal.description, "source": proposal.source, "source_url": proposal.source_url}),
    }, status=status)


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        Proposal.objects.select_related("country", "partner", "agreement", "proposed_by", "institution"), pk=pk)
    authorize(request.user, "agreements.read_proposal", proposal)
    return _detail(request, proposal)


@login_required
@require_POST
def proposal_move(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("country", "partner", "agreement"), pk=pk)
    authorize(request.user, "agreements.read_proposal", proposal)
    if action not in services.PROPOSAL.moves:
        raise PermissionDenied(action)
    review_form, resubmit_form = ReviewForm(request.POST), None
    try:
        if action == "resubmit":
            resubmit_form = ResubmitForm(request.POST)
            if not resubmit_form.is_valid():
                return _detail(request, proposal, resubmit_form=resubmit_form, status=400)
            data = resubmit_form.cleaned_data
            services.proposal_resubmit(proposal=proposal, user=request.user, description=data["description"],
                                       source=data["source"], source_url=data["source_url"])
        elif action == "withdraw":
            services.proposal_withdraw(proposal=proposal, user=request.user)
        else:
            if not review_form.is_valid():
                return _detail(request, proposal, review_form=review_form, status=400)
            move = {"accept": services.proposal_accept, "return": services.proposal_return,
                    "reject": services.proposal_reject}[action]
            move(proposal=proposal, user=request.user, comment=review_form.cleaned_data["comment"])
    except ValidationError as error:
        add_service_error(resubmit_form if action == "resubmit" else review_form, error)
        return _detail(request, proposal, review_form=review_form, resubmit_form=resubmit_form, status=400)
    messages.success(request, _("Done: the proposal is now “%(state)s”.") % {
        "state": Proposal.objects.get(pk=pk).get_state_display()})
    return redirect("agreements:proposal", pk=pk)
