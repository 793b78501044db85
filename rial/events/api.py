"""The events router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public; the online
link and who registered are never part of them."""

import datetime
from typing import Annotated, Literal

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from rial.events.models import Event, Organizer, Registration
from rial.topics.models import Topic

router = Router(tags=["events"])
EventKind = Literal["workshop", "dialogue", "webinar", "videoconference", "course"]
HOLDING = (Registration.Status.CONFIRMED, Registration.Status.PENDING)


class OrganizerOut(Schema):
    institution: str = Field(..., alias="institution.name")
    role: str


class EventOut(Schema):
    id: int = Field(..., alias="pk")
    title: str = Field(..., alias="meeting.title")
    kind: str = Field(..., alias="meeting.kind")
    start_date: datetime.date = Field(..., alias="meeting.start_date")
    end_date: datetime.date | None = Field(None, alias="meeting.end_date")
    start_time: datetime.time | None = Field(None, alias="meeting.start_time")
    end_time: datetime.time | None = Field(None, alias="meeting.end_time")
    time_zone: str = Field(..., alias="meeting.time_zone")
    is_virtual: bool = Field(..., alias="meeting.is_virtual")
    city: str = Field(..., alias="meeting.city")
    country: str | None = Field(None, alias="meeting.country.iso2")
    topics: list[str]
    capacity: int | None
    places_taken: int = Field(..., alias="taken")
    attended: int
    registration_opens: datetime.datetime | None
    registration_closes: datetime.datetime | None
    meeting: int = Field(..., alias="meeting_id")
    url: str = Field(..., alias="get_absolute_url")
    source: str = Field(..., alias="meeting.source")
    verified: bool = Field(..., alias="meeting.verified")
    is_demo: bool = Field(..., alias="meeting.is_demo")

    @staticmethod
    def resolve_topics(event) -> list[str]:
        return [topic.slug for topic in event.meeting.topics.all()]


class EventDetailOut(EventOut):
    objectives: str = Field(..., alias="meeting.objectives")
    agenda: list[str] = Field(..., alias="meeting.agenda_items")
    target_participants: str
    funding_note: str = Field(..., alias="meeting.funding_note")
    organizers: list[OrganizerOut]
    mandates: list[str]
    recordings: list[str]
    results: str
    lessons_learned: str

    @staticmethod
    def resolve_organizers(event) -> list[Organizer]:
        return list(event.organizers.all())

    @staticmethod
    def resolve_mandates(event) -> list[str]:
        # Open data: a draft Plan of Action's mandates are not published yet (read from the prefetched plans).
        return [str(mandate) for mandate in event.mandates.all()
                if not mandate.is_archived and not mandate.plan.is_draft_plan]

    @staticmethod
    def resolve_recordings(event) -> list[str]:
        return [recording.url for recording in event.recordings.all()]


class EventFilter(FilterSchema):
    kind: EventKind | None = None
    when: Literal["upcoming", "past"] | None = None
    topic: Annotated[str | None, Field(description="Topic slug (see /api/v1/topics)")] = None
    country: Annotated[str | None, Field(min_length=2, max_length=2, description="Host country ISO code")] = None

    def filter_kind(self, value):
        return Q(meeting__kind=value) if value else Q()

    def filter_when(self, value):
        today = timezone.localdate()
        if value == "upcoming":
            return Q(meeting__end_date__gte=today) | Q(meeting__end_date__isnull=True, meeting__start_date__gte=today)
        if value == "past":
            return Q(meeting__end_date__lt=today) | Q(meeting__end_date__isnull=True, meeting__start_date__lt=today)
        return Q()

    def filter_topic(self, value):
        return Q(meeting__topics__slug=value) if value else Q()

    def filter_country(self, value):
        return Q(meeting__country__iso2=value.upper()) if value else Q()


def _published():
    return (Event.objects.published().select_related("meeting__country")
            .prefetch_related(Prefetch("meeting__topics", queryset=Topic.objects.only("pk", "slug")))
            .annotate(taken=Count("registrations", filter=Q(registrations__status__in=HOLDING), distinct=True),
                      attended=Count("registrations", filter=Q(registrations__attended=True), distinct=True)))


@router.get("/events", response=list[EventOut], summary="Published events (filter by kind, upcoming/past, topic, country)")
@paginate
def list_events(request: HttpRequest, filters: Query[EventFilter]):
    return filters.filter(_published()).order_by("-meeting__start_date", "pk").distinct()


@router.get("/events/{event_id}", response=EventDetailOut, summary="One published event with organizers and results")
def get_event(request: HttpRequest, event_id: int):
    return get_object_or_404(_published().prefetch_related("organizers__institution", "mandates__plan", "recordings"),
                             pk=event_id)


