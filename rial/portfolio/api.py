"""The portfolio router of the REST API (mounted at /api/v1/ by rial/api.py). Published programs only."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rial.core.pagination import KeptRowsPagination
from rial.core.searchable import path_for
from rial.directory.models import Country
from rial.portfolio.models import Collection, Program, TargetPopulation
from rial.portfolio.queries import public_programs
from rial.topics.models import Topic

router = Router(tags=["portfolio"])


class ProgramFilters(Schema):
    country: str | None = Field(None, max_length=2, description="ISO 3166 alpha-2 code, e.g. CL")
    topic: str | None = Field(None, max_length=60, description="Topic short name; an area includes its subtopics")
    population: str | None = Field(None, max_length=60, description="Target population short name, e.g. youth")
    q: str | None = Field(None, max_length=200, description="Words found in the name, summary, objectives or results")
    collection: str | None = Field(None, max_length=60, description="e.g. covid-19; empty for the portfolio itself")


class ProgramOut(Schema):
    id: int
    url: str
    name: str
    ministry: str
    country: str | None
    summary: str
    objectives: str
    results: str
    target_populations: list[str]
    topics: list[str]
    start: date | None
    end: date | None
    budget: Decimal | None
    budget_currency: str
    funding: str
    legal_basis: str
    contact_name: str
    contact_email: str
    languages: list[str]
    offered_for_cooperation: bool
    source_url: str
    updated_as_of: date | None
    last_reviewed: date | None
    needs_review: bool
    collection: str | None
    is_demo: bool

    @staticmethod
    def resolve_url(obj) -> str:
        return path_for("portfolio:detail", obj.revision_of_id or obj.pk)  # as Program.get_absolute_url

    @staticmethod
    def resolve_ministry(obj) -> str:
        return obj.ministry.slug

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.ministry.country.iso2 if obj.ministry.country else None

    @staticmethod
    def resolve_target_populations(obj) -> list[str]:
        return [population.slug for population in obj.population_list]

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topic_list]

    @staticmethod
    def resolve_last_reviewed(obj) -> date | None:
        return obj.last_reviewed_at

    @staticmethod
    def resolve_collection(obj) -> str | None:
        return obj.collection.slug if obj.collection_id else None


class Unknown(Exception):
    """A filter value that names nothing: the answer is an empty list (never an error, never 'all')."""


def _lookup(model, field: str, value: str | None):
    if not value:
        return None
    found = model.objects.filter(**{field: value}).first()
    if found is None:
        raise Unknown
    return found


@router.get("/programs", response=list[ProgramOut], summary="Published programs (filter by country, topic, "
            "target population, text)")
@paginate(KeptRowsPagination)  # the same published programs for every reader
def list_programs(request: HttpRequest, filters: Query[ProgramFilters]):
    try:
        collection = _lookup(Collection, "slug", filters.collection)
        cleaned = {
            "country": _lookup(Country, "iso2__iexact", filters.country),
            "topic": _lookup(Topic, "slug", filters.topic),
            "population": _lookup(TargetPopulation, "slug", filters.population),
            "q": filters.q or "",
        }
    except Unknown:
        return Program.objects.none()
    return public_programs(cleaned, collection=collection)


@router.get("/programs/{int:program_id}", response=ProgramOut, summary="One published program")
def get_program(request: HttpRequest, program_id: int):
    return get_object_or_404(Program.objects.published().for_list(), pk=program_id)
