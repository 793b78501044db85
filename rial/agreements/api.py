"""The agreements router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from rial.agreements import proposals as services
from rial.agreements.coverage import coverage
from rial.agreements.forms import AgreementFilterForm, CoverageForm
from rial.agreements.models import Agreement, Proposal
from rial.agreements.proposals import records_reviewed
from rial.core.api_auth import token_auth
from rial.core.permissions import authorize
from rial.directory.models import Country

router = Router(tags=["agreements"])


class FindingOut(Schema):
    title: str
    slug: str
    kind: str
    status: str
    since: str | None
    branches: list[str]
    totalization: bool | None
    certain: bool
    source: str
    verified: bool
    reason: str | None = None


class CoverageOut(Schema):
    a: str
    b: str
    on: str
    covered: bool
    agreements: list[FindingOut]
    alternatives: list[FindingOut]
    records_reviewed: str
    report_missing: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]]


def _form_errors(form) -> dict:
    return {"detail": _("The question is not valid."),
            "errors": {name: [str(message) for message in messages] for name, messages in form.errors.items()}}


@router.get("/agreements/coverage", response={200: CoverageOut, 422: ErrorOut}, url_name="agreements_coverage",
            summary="Which agreements cover a worker who contributed in countries a and b, on a date")
def coverage_lookup(request: HttpRequest, a: str = "", b: str = "", on: str = ""):
    """`a` and `b` are ISO 3166 alpha-2 codes (e.g. CL, US); `on` is YYYY-MM-DD (today when absent).

    `since` is the date from which each agreement applies between the two; `certain` is false where a date
    or status behind the answer is unconfirmed. `alternatives` lists agreements both are party to that do
    not apply on that date, each with its `reason`.
    """
    form = CoverageForm.from_query({"a": a, "b": b, "on": on})
    if not form.is_valid():
        return 422, _form_errors(form)
    data = form.cleaned_data
    # "covered": false means none in our records: say when they were last reviewed and where to report a gap.
    return 200, {**coverage(data["a"], data["b"], data["on"]).as_json(),
                 "records_reviewed": records_reviewed().isoformat(),
                 "report_missing": request.build_absolute_uri(reverse("agreements:proposal_new"))}


class PartyOut(Schema):
    country: str = Field(..., alias="country.iso2")
    name: str = Field(..., alias="country.name")
    status: str
    status_certain: bool
    ratified: datetime.date | None
    deposited: datetime.date | None
    effective: datetime.date | None
    dates_certain: bool
    ended: datetime.date | None


class AgreementOut(Schema):
    slug: str
    title: str
    original_title: str
    kind: str
    status: str
    status_certain: bool
    status_note: str | None
    signed: datetime.date | None
    signed_precision: str
    signed_certain: bool
    in_force: datetime.date | None
    in_force_certain: bool
    ended: datetime.date | None
    branches: list[str]
    totalization: bool | None
    export_of_benefits: bool | None
    posted_workers: bool | None
    max_detachment_months: int | None
    administrative_arrangement: str
    parties: list[PartyOut]
    source: str
    verified: bool


@router.get("/agreements", response=list[AgreementOut],
            summary="Social security agreements (filters: country, kind, status, branch)")
@paginate
def list_agreements(request: HttpRequest, country: str = "", kind: str = "", status: str = "", branch: str = ""):
    """`country` is an ISO alpha-2 code; `kind` is bilateral, multilateral or institutional; `status` is
    signed, in_force, suspended or terminated; `branch` is old_age, invalidity, survivors,
    occupational_injury, health_care, family or unemployment. An unknown value is refused (422)."""
    form = AgreementFilterForm({"country": country.upper(), "kind": kind, "status": status, "branch": branch})
    if not form.is_valid():
        errors = " ".join(f"{name}: {message}" for name, messages in form.errors.items() for message in messages)
        raise HttpError(422, _("The filters are not valid: %(errors)s") % {"errors": errors})
    return Agreement.objects.listing(request.user, form.cleaned_data)


@router.get("/agreements/{slug}", response=AgreementOut, summary="One agreement, its parties and their dates")
def get_agreement(request: HttpRequest, slug: str):
    return get_object_or_404(Agreement.objects.visible_to(request.user).with_parties(), slug=slug)


class TransitionOut(Schema):
    action: str
    from_state: str
    to_state: str
    comment: str
    at: datetime.datetime


class ProposalOut(Schema):
    id: int
    kind: str
    state: str
    country: str = Field(..., alias="country.iso2")
    agreement: str | None = Field(None, alias="agreement.slug")
    partner: str | None = Field(None, alias="partner.iso2")
    title: str
    signed: datetime.date | None
    in_force: datetime.date | None
    description: str
    source: str
    source_url: str
    review_comment: str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    transitions: list[TransitionOut]


class ProposalIn(Schema):
    kind: str
    country: str
    description: str
    source: str
    source_url: str = ""
    agreement: str = ""
    partner: str = ""
    title: str = ""
    signed: datetime.date | None = None
    in_force: datetime.date | None = None


class MoveIn(Schema):
    comment: str = ""
    description: str = ""
    source: str = ""
    source_url: str = ""


def _proposals():
    return Proposal.objects.select_related("country", "agreement", "partner").prefetch_related("transitions")


@router.get("/agreement-proposals", response=list[ProposalOut], auth=[token_auth, django_auth],
            summary="Proposed changes: all for the Secretariat, their ministry's for a focal point")
@paginate
def list_proposals(request: HttpRequest, state: str = ""):
    user = request.auth
    if not (user.has_perm("agreements.review_proposal") or user.has_perm("agreements.propose_change")):
        raise PermissionDenied
    proposals = _proposals().visible_to(user)
    if state:
        if state not in Proposal.State.values:
            raise HttpError(422, _("Unknown state “%(value)s”.") % {"value": state})
        proposals = proposals.filter(state=state)
    return proposals


@router.post("/agreement-proposals", response={201: ProposalOut}, auth=token_auth,
             summary="Propose a correction or a missing agreement for your country (focal points)")
def create_proposal(request: HttpRequest, payload: ProposalIn):
    """`kind` is correction (with `agreement`, a slug) or new (with `partner`, an ISO code); `source` is required."""
    authorize(request.auth, "agreements.propose_change")
    country = get_object_or_404(Country, iso2=payload.country.upper())
    agreement = get_object_or_404(Agreement, slug=payload.agreement) if payload.agreement else None
    partner = get_object_or_404(Country, iso2=payload.partner.upper()) if payload.partner else None
    proposal = services.proposal_create(
        user=request.auth, kind=payload.kind, country=country, agreement=agreement, partner=partner,
        title=payload.title, signed=payload.signed, in_force=payload.in_force, description=payload.description,
        source=payload.source, source_url=payload.source_url)
    return 201, _proposals().get(pk=proposal.pk)


@router.post("/agreement-proposals/{proposal_id}/{action}", response=ProposalOut, auth=token_auth,
             summary="Move a proposal: accept, return, reject (Secretariat); resubmit, withdraw (its focal point)")
def move_proposal(request: HttpRequest, proposal_id: int, action: str, payload: MoveIn):
    user = request.auth
    proposal = get_object_or_404(Proposal, pk=proposal_id)
    authorize(user, "agreements.read_proposal", proposal)
    if action == "resubmit":
        services.proposal_resubmit(proposal=proposal, user=user, description=payload.description,
                                   source=payload.source, source_url=payload.source_url)
    elif action == "withdraw":
        services.proposal_withdraw(proposal=proposal, user=user)
    elif action in ("accept", "return", "reject"):
        move = {"accept": services.proposal_accept, "return": services.proposal_return,
                "reject": services.proposal_reject}[action]
        move(proposal=proposal, user=user, comment=payload.comment)
    else:
        raise HttpError(422, _("Unknown action “%(value)s”.") % {"value": action})
    return _proposals().get(pk=proposal_id)
