"""The conference router of the REST API (mounted at /api/v1/ by rial/api.py).

Reads are public (published records only); the follow-up of a mandate is written with a bearer token by
those who may write it (the Secretariat and the authorities of its working group), through the same
service function as the pages.
"""

import datetime
from typing import Annotated

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from ninja.pagination import paginate

from rial.conference.models import Conference, ConferenceDocument, Mandate
from rial.conference.services import mandate_follow_up
from rial.core.api_auth import token_auth
from rial.core.openapi import choices
from rial.topics.models import Topic

router = Router(tags=["conference"])


class ConferenceOut(Schema):
    number: int
    roman: str
    year: int
    start: datetime.date | None
    end: datetime.date | None
    city: str
    is_virtual: bool
    chair: str | None = Field(None, alias="chair.name_en")
    theme: str
    source: str
    verified: bool


class PlanOut(Schema):
    id: int
    conference: int = Field(..., alias="conference.number")
    title: str
    language: str
    original: int | None = Field(None, alias="original_id")
    code: str
    cidi_code: str
    revision: int
    status: str
    deadlines: list[dict]


class MandateOut(Schema):
    id: int
    plan: int = Field(..., alias="plan_id")
    conference: int = Field(..., alias="plan.conference.number")
    group: int | None = Field(None, alias="group.number")
    section: str
    parent: int | None = Field(None, alias="parent_id")
    label: str
    text: str
    text_en: str | None
    text_es: str | None
    status: str
    progress: int
    due_date: datetime.date | None
    due_text: str
    topics: list[str]

    @staticmethod
    def resolve_topics(mandate) -> list[str]:
        return [topic.slug for topic in mandate.topics.all()]


class MandateFilter(FilterSchema):
    conference: Annotated[int | None, FilterLookup("plan__conference__number"),
                          Field(description="Conference number, e.g. 19")] = None
    group: Annotated[int | None, FilterLookup("group__number"), Field(description="Working group number (1 or 2)")] = None
    topic: Annotated[str | None, FilterLookup("topics__slug"), Field(max_length=60, description="Topic slug, e.g. child-labor")] = None
    status: Annotated[choices(Mandate.Status) | None, FilterLookup("status")] = None
    plan: Annotated[int | None, FilterLookup("plan_id")] = None


class FollowUpIn(Schema):
    status: choices(Mandate.Status) | None = None
    progress: int | None = Field(None, ge=0, le=100)
    notes: str | None = Field(None, max_length=5000)


def _mandates(user):
    """The mandates ``user`` may read (a draft plan's for the network's participants signed in; reads carry no
    token, so a script reads the published ones)."""
    return (Mandate.objects.visible_to(user).select_related("plan__conference", "group")
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.only("slug")))
            .order_by("plan__conference__number", "plan_id", "position"))


@router.get("/conferences", response=list[ConferenceOut], summary="Conferences (IACML)")
def list_conferences(request: HttpRequest):
    return Conference.objects.select_related("chair").order_by("number")


@router.get("/plans", response=list[PlanOut], summary="Plans of Action (every language version)")
@paginate
def list_plans(request: HttpRequest, conference: int | None = None):
    plans = (ConferenceDocument.objects.visible_to(request.user).filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION)
             .select_related("conference").order_by("conference__number", "language"))
    if conference is not None:
        plans = plans.filter(conference__number=conference)
    return plans


@router.get("/plans/{plan_id}/mandates", response=list[MandateOut], summary="The mandates of a plan")
@paginate
def plan_mandates(request: HttpRequest, plan_id: int):
    plan = get_object_or_404(ConferenceDocument.objects.visible_to(request.user), pk=plan_id,
                             kind=ConferenceDocument.Kind.PLAN_OF_ACTION)
    return _mandates(request.user).filter(plan_id=plan.original_id or plan.pk)


@router.get("/mandates", response=list[MandateOut], summary="Mandates (filter by conference, group, topic, status)")
@paginate
def list_mandates(request: HttpRequest, filters: Query[MandateFilter]):
    mandates = filters.filter(_mandates(request.user))
    return mandates.distinct() if filters.topic else mandates


@router.get("/mandates/{mandate_id}", response=MandateOut)
def get_mandate(request: HttpRequest, mandate_id: int):
    return get_object_or_404(_mandates(request.user), pk=mandate_id)


@router.patch("/mandates/{mandate_id}", response=MandateOut, auth=token_auth,
              summary="Change a mandate's status, progress or notes (Secretariat and the group's authorities)")
def update_mandate(request: HttpRequest, mandate_id: int, payload: FollowUpIn):
    mandate = get_object_or_404(Mandate.objects.visible_to(request.auth), pk=mandate_id)
    mandate_follow_up(mandate=mandate, user=request.auth, status=payload.status, progress=payload.progress,
                      notes=payload.notes)
    return _mandates(request.auth).get(pk=mandate.pk)


