"""The cooperation router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public; the
proposals of calls whose results are not published are shown only to their ministries and the Secretariat."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from ninja.pagination import paginate

from rial.cooperation import services
from rial.cooperation.models import Activity, Call, Proposal
from rial.core.api_auth import token_auth
from rial.core.permissions import authorize
from rial.directory.models import Country, Institution
from rial.portfolio.models import Program
from rial.topics.models import Topic

router = Router(tags=["cooperation"])


class CallOut(Schema):
    number: int
    year: int
    state: str
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    budget: Decimal | None
    modalities: list[str]
    max_travellers: int
    max_days: int
    weights: dict[str, int]
    reported_proposals: int | None
    reported_selected: int | None
    notes: str
    source: str
    verified: bool
    is_demo: bool


class ProposalOut(Schema):
    id: int
    call: int = Field(..., alias="call.number")
    title: str
    requesting: str = Field(..., alias="requesting.slug")
    providing: str = Field(..., alias="providing.slug")
    modality: str
    travellers: int
    days: int
    cost_estimate: Decimal
    state: str
    commitment_confirmed: bool
    score: Decimal | None
    rank: int | None
    topics: list[str]
    is_demo: bool

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]


class ActivityOut(Schema):
    id: int
    call: int | None = Field(None, alias="call.number")
    title: str
    first_party: str = Field(..., alias="first_party.slug")
    second_party: str = Field(..., alias="second_party.slug")
    direction_known: bool
    modality: str
    year: int | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    state: str
    topics: list[str]
    outcomes: list[str]
    source: str
    verified: bool
    is_demo: bool

    @staticmethod
    def resolve_call(obj) -> int | None:
        return obj.call.number if obj.call_id else None

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_outcomes(obj) -> list[str]:
        return [outcome.category for outcome in obj.outcomes.all()]


class ProposalFilter(FilterSchema):
    call: Annotated[int | None, FilterLookup("call__number")] = None
    state: Annotated[Proposal.State | None, FilterLookup("state")] = None


class ActivityFilter(FilterSchema):
    call: Annotated[int | None, FilterLookup("call__number")] = None
    year: Annotated[int | None, FilterLookup("year")] = None
    country: Annotated[str | None, Field(max_length=2, description="ISO 3166 alpha-2 code of a party, e.g. CL"),
                       FilterLookup(["first_party__country__iso2__iexact", "second_party__country__iso2__iexact"])] = None
    topic: Annotated[str | None, FilterLookup("topics__slug"), Field(max_length=60)] = None


def _caller(request: HttpRequest):
    """The token's user when a bearer token is sent, else the session's user (anonymous for the public)."""
    if request.headers.get("Authorization"):
        return token_auth(request) or request.user
    return request.user


@router.get("/cooperation/calls", response=list[CallOut], summary="Calls for proposals")
@paginate
def list_calls(request: HttpRequest):
    return Call.objects.public().order_by("-number")


@router.get("/cooperation/proposals", response=list[ProposalOut],
            summary="Proposals: the published results for everyone; a ministry's own proposals for its people")
@paginate
def list_proposals(request: HttpRequest, filters: Query[ProposalFilter]):
    proposals = (Proposal.objects.visible_to(_caller(request)).select_related("call", "requesting", "providing")
                 .prefetch_related("topics").order_by("-call__number", "rank", "pk"))
    return filters.filter(proposals)


@router.get("/cooperation/activities", response=list[ActivityOut], summary="Cooperation activities")
@paginate
def list_activities(request: HttpRequest, filters: Query[ActivityFilter]):
    activities = (Activity.objects.public().select_related("call", "first_party", "second_party")
                  .prefetch_related("topics", "outcomes").order_by("-year", "pk"))
    return filters.filter(activities).distinct()


# --- Writes: the same services as the pages, for the holder of a bearer token ---------------------------------


class RateIn(Schema):
    country: str = Field(..., max_length=2, description="ISO 3166 alpha-2 code of the destination, e.g. BR")
    airfare: Decimal
    per_diem: Decimal


class CallIn(Schema):
    number: int = Field(..., ge=1, le=999)
    year: int = Field(..., ge=2000, le=2100)
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None
    budget: Decimal | None = None
    allows_provider_visit: bool = True
    allows_expert_visit: bool = True
    allows_virtual: bool = True
    max_travellers: int = Field(3, ge=1, le=50)
    max_days: int = Field(5, ge=1, le=60)
    weight_relevance: int = Field(30, ge=0, le=100)
    weight_opportunity: int = Field(20, ge=0, le=100)
    weight_clarity: int = Field(25, ge=0, le=100)
    weight_commitment: int = Field(25, ge=0, le=100)
    authorities_evaluate: bool = False
    report_days: int = Field(30, ge=1, le=365)
    notes: str = Field("", max_length=300)
    rates: list[RateIn] = []


class StateIn(Schema):
    state: Call.State


def _rates(payload: CallIn) -> list[dict]:
    countries = {c.iso2.upper(): c for c in Country.objects.filter(iso2__in=[r.country.upper() for r in payload.rates])}
    unknown = sorted({r.country.upper() for r in payload.rates} - set(countries))
    if unknown:
        raise ValidationError({"rates": [_("Unknown destination country: %(codes)s.") % {"codes": ", ".join(unknown)}]})
    return [{"country": countries[r.country.upper()], "airfare": r.airfare, "per_diem": r.per_diem}
            for r in payload.rates]


@router.post("/cooperation/calls", response={201: CallOut}, auth=token_auth,
             summary="Create a call for proposals as a draft (Secretariat)")
def create_call(request: HttpRequest, payload: CallIn):
    authorize(request.auth, "cooperation.manage_call")
    fields = payload.dict(exclude={"rates"})
    call = services.call_save(call=Call(**fields), user=request.auth, rates=_rates(payload))
    return 201, call


@router.post("/cooperation/calls/{number}/state", response=CallOut, auth=token_auth,
             summary="Move a call to its next state: open, closed or published (Secretariat)")
def move_call(request: HttpRequest, number: int, payload: StateIn):
    authorize(request.auth, "cooperation.manage_call")
    call = get_object_or_404(Call, number=number)
    if payload.state == Call.State.PUBLISHED:
        return services.call_publish(call=call, user=request.auth)
    return services.call_set_state(call=call, user=request.auth, state=payload.state)


class ProposalIn(Schema):
    call: int = Field(..., description="The call's number")
    requesting: str = Field(..., max_length=120, description="Slug of the requesting ministry (yours)")
    providing: str = Field(..., max_length=120, description="Slug of the providing ministry")
    beneficiaries: list[str] = Field([], description="Slugs of further beneficiary ministries")
    topics: list[str] = Field(..., min_length=1, description="Topic slugs")
    program: int | None = Field(None, description="Id of a published portfolio program it draws on")
    modality: str = Field(..., max_length=20)
    title: str = Field(..., min_length=1, max_length=250)
    objectives: str = Field(..., min_length=1, max_length=4000)
    expected_results: str = Field(..., min_length=1, max_length=4000)
    agenda: str = Field(..., min_length=1, max_length=6000)
    travellers: int = Field(..., ge=1, le=100)
    days: int = Field(..., ge=1, le=100)
    submit: bool = Field(False, description="Submit it at once (otherwise it stays a draft)")


def _ministries(slugs: list[str], field: str) -> list[Institution]:
    found = {i.slug: i for i in Institution.objects.active().ministries().filter(slug__in=slugs)}
    unknown = sorted(set(slugs) - set(found))
    if unknown:
        raise ValidationError({field: [_("Unknown ministry: %(slugs)s.") % {"slugs": ", ".join(unknown)}]})
    return [found[slug] for slug in slugs]


@router.post("/cooperation/proposals", response={201: ProposalOut}, auth=token_auth,
             summary="Propose an exchange for your own ministry in an open call (focal point)")
def create_proposal(request: HttpRequest, payload: ProposalIn):
    user = request.auth
    authorize(user, "cooperation.add_proposal")
    call = get_object_or_404(Call.objects.public(), number=payload.call)
    [requesting] = _ministries([payload.requesting], "requesting")
    [providing] = _ministries([payload.providing], "providing")
    beneficiaries = _ministries(payload.beneficiaries, "beneficiaries")
    topics = list(Topic.objects.filter(slug__in=payload.topics))
    if len(topics) != len(set(payload.topics)):
        unknown = ", ".join(sorted(set(payload.topics) - {t.slug for t in topics}))
        raise ValidationError({"topics": [_("Unknown topic: %(slugs)s.") % {"slugs": unknown}]})
    program = None
    if payload.program is not None:
        program = Program.objects.filter(pk=payload.program).first()
        if program is None:
            raise ValidationError({"program": [_("Unknown program.")]})
    proposal = Proposal(call=call, requesting=requesting, providing=providing, program=program,
                        modality=payload.modality, title=payload.title, objectives=payload.objectives,
                        expected_results=payload.expected_results, agenda=payload.agenda,
                        travellers=payload.travellers, days=payload.days)
    # Ownership, the call's rules and the cost are all checked by the service the proposal page uses.
    with transaction.atomic():
        services.proposal_save(proposal=proposal, user=user, topics=topics, beneficiaries=beneficiaries)
        if payload.submit:
            services.proposal_submit(proposal=proposal, user=user)
    return 201, Proposal.objects.select_related("call", "requesting", "providing").get(pk=proposal.pk)


@router.post("/cooperation/proposals/{proposal_id}/confirm", response=ProposalOut, auth=token_auth,
             summary="Confirm the providing ministry's commitment (the provider's focal point)")
def confirm_proposal(request: HttpRequest, proposal_id: int):
    proposal = get_object_or_404(Proposal, pk=proposal_id)
    authorize(request.auth, "cooperation.confirm_commitment", proposal)
    services.proposal_confirm_commitment(proposal=proposal, user=request.auth)
    return Proposal.objects.select_related("call", "requesting", "providing").get(pk=proposal.pk)
