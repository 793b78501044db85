"""The meetings router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public."""

import datetime
from typing import Annotated

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from ninja.pagination import paginate

from rial.conference.models import WorkingGroup
from rial.meetings.models import Conclusion, Meeting

router = Router(tags=["meetings"])


class ConclusionOut(Schema):
    kind: str
    number: int
    text: str


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    start_date: datetime.date
    end_date: datetime.date | None
    start_time: datetime.time | None
    end_time: datetime.time | None
    time_zone: str
    is_virtual: bool
    venue: str
    city: str
    country: str | None = Field(None, alias="country.iso2")
    conference: int | None = Field(None, alias="conference.number")
    working_groups: list[int]
    ministries_attending: int | None = Field(None, alias="attending_ministries")
    url: str = Field(..., alias="get_absolute_url")
    source: str
    verified: bool
    is_demo: bool

    @staticmethod
    def resolve_working_groups(meeting) -> list[int]:
        return [group.pk for group in meeting.working_groups.all()]


class MeetingDetailOut(MeetingOut):
    agenda: list[str] = Field(..., alias="agenda_items")
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_conclusions(meeting) -> list[Conclusion]:
        return list(meeting.conclusions.all())


class MeetingFilter(FilterSchema):
    kind: Annotated[Meeting.Kind | None, FilterLookup("kind")] = None
    year: Annotated[int | None, FilterLookup("start_date__year"), Field(ge=1963, le=2100)] = None
    group: Annotated[int | None, FilterLookup("working_groups"),
                     Field(description="Working group id (see /api/v1 conference endpoints)")] = None


def _published():
    return (Meeting.objects.published().with_attendance().select_related("country", "conference")
            .prefetch_related(Prefetch("working_groups", queryset=WorkingGroup.objects.only("pk"))))


@router.get("/meetings", response=list[MeetingOut], summary="Published meetings (filter by kind, year, group)")
@paginate
def list_meetings(request: HttpRequest, filters: Query[MeetingFilter]):
    return filters.filter(_published()).order_by("-start_date", "pk").distinct()


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut, summary="One published meeting with its conclusions")
def get_meeting(request: HttpRequest, meeting_id: int):
    return get_object_or_404(_published().prefetch_related("conclusions"), pk=meeting_id)
