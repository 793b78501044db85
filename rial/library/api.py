"""The library router of the REST API (mounted at /api/v1/ by rial/api.py). Published documents only."""

from datetime import date

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rial.core.openapi import choices
from rial.core.pagination import KeptRowsPagination
from rial.core.searchable import path_for
from rial.directory.models import Country
from rial.library.models import Document
from rial.library.queries import filter_documents
from rial.portfolio.models import Program
from rial.topics.models import Topic

router = Router(tags=["library"])


class DocumentFilters(Schema):
    kind: choices(Document.Kind) | None = None
    country: str | None = Field(None, max_length=2, description="ISO 3166 alpha-2 code, e.g. CL")
    topic: str | None = Field(None, max_length=60, description="Topic short name; an area includes its subtopics")
    q: str | None = Field(None, max_length=200, description="Words found in the title, summary or authors")


class FileOut(Schema):
    id: int
    language: str
    file_type: str
    size: int
    name: str = Field(alias="original_name")
    download_url: str
    text_extracted: bool
    extraction_error: str

    @staticmethod
    def resolve_download_url(obj) -> str:
        return obj.get_download_url()

    @staticmethod
    def resolve_text_extracted(obj) -> bool:
        return obj.extraction == obj.Extraction.DONE


class DocumentOut(Schema):
    id: int
    url: str
    title: str
    summary: str
    kind: str
    authors: str
    institutions: list[str]
    date: date
    language: str
    topics: list[str]
    countries: list[str]
    related_programs: list[int]
    source_url: str
    files: list[FileOut]
    is_demo: bool

    @staticmethod
    def resolve_url(obj) -> str:
        return path_for("library:detail", obj.pk)

    @staticmethod
    def resolve_institutions(obj) -> list[str]:
        return [institution.slug for institution in obj.institution_list]

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topic_list]

    @staticmethod
    def resolve_countries(obj) -> list[str]:
        return [country.iso2 for country in obj.country_list]

    @staticmethod
    def resolve_files(obj) -> list:
        return obj.file_list

    @staticmethod
    def resolve_related_programs(obj) -> list[int]:
        return [program.pk for program in obj.published_programs]


def _published(queryset):
    return queryset.for_list().prefetch_related(
        Prefetch("related_programs", queryset=Program.objects.published(), to_attr="published_programs"))


@router.get("/documents", response=list[DocumentOut], summary="Published documents (filter by kind, country, topic, "
            "text)")
@paginate(KeptRowsPagination)  # the same published documents for every reader
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]):
    cleaned = {"kind": filters.kind, "q": filters.q or ""}
    if filters.country:
        cleaned["country"] = Country.objects.filter(iso2__iexact=filters.country).first()
        if cleaned["country"] is None:
            return Document.objects.none()
    if filters.topic:
        cleaned["topic"] = Topic.objects.filter(slug=filters.topic).first()
        if cleaned["topic"] is None:
            return Document.objects.none()
    return _published(filter_documents(Document.objects.published(), cleaned)).order_by("-date", "-pk")


@router.get("/documents/{int:document_id}", response=DocumentOut, summary="One published document")
def get_document(request: HttpRequest, document_id: int):
    return get_object_or_404(_published(Document.objects.published()), pk=document_id)
