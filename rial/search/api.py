"""The search router of the REST API (mounted at /api/v1/ by rial/api.py)."""

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from pydantic import BaseModel

from rial.search.query import FACETS, PER_PAGE, clean_filters, search
from rial.search.views import localized

router = Router(tags=["search"])


# Plain pydantic models for the output: ninja's Schema adds an ORM-attribute validator to every
# object, which cost more than the search itself for a page of hits and facets.
class HitOut(BaseModel):
    kind: str
    kind_label: str
    url: str
    title: str
    title_html: str
    snippet_html: str
    language: str
    year: int | None
    countries: list[str]
    complete: bool


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int
    selected: bool


class OtherLanguageOut(BaseModel):
    language: str
    query: str


class TopicOut(BaseModel):
    slug: str
    name: str


class SearchOut(BaseModel):
    query: str
    total: int
    capped: bool
    words: int
    full_matches: int
    corrected: dict[str, list[str]]
    did_you_mean: str
    other_languages: list[OtherLanguageOut]
    topics: list[TopicOut]
    page: int
    pages: int
    per_page: int
    results: list[HitOut]
    facets: dict[str, list[FacetValueOut]]
    messages: list[str]


class SearchParams(Schema):
    # Plain strings: a malformed value is ignored with a message (query.clean_filters), not refused.
    q: str = ""
    kind: list[str] = []
    country: list[str] = []
    topic: list[str] = []
    year: list[str] = []
    lang: list[str] = []
    page: str = "1"


@router.get("/search", response=SearchOut, summary="Search everything published")
def search_api(request: HttpRequest, params: Query[SearchParams]):
    """Words in any of the four languages; filters may repeat (`country=CL&country=BR`).

    Records with every word come first (`full_matches` of them), then records with some of the words.
    A word the index has never seen is also searched as its nearest known spellings (`corrected`,
    `did_you_mean`). With no results, `other_languages` and `topics` suggest where to look instead.
    `capped` is true when more than 1,000 records match: pages and facet counts then cover 1,000 of them
    (those with the words in their title or topics first). Unknown filter values are ignored and named in
    `messages`.
    """
    filters, messages = clean_filters({name: getattr(params, name) for name in FACETS})
    language = get_language() or "en"
    found = search(q=params.q, filters=filters, page=params.page, language=language, messages=messages)
    return {
        "query": found.query.text[:500], "total": found.total, "capped": found.capped, "page": found.page,
        "words": found.words, "full_matches": found.full_matches, "corrected": found.corrected,
        "did_you_mean": found.did_you_mean,
        "other_languages": [{"language": other.language, "query": other.query} for other in found.other_languages],
        "topics": [{"slug": slug, "name": name} for slug, name in found.topics],
        "pages": found.num_pages, "per_page": PER_PAGE, "messages": [str(m) for m in found.messages],
        "results": [{
            "kind": hit.kind, "kind_label": hit.kind_label, "url": localized(hit.url, language),
            "title": hit.plain_title, "title_html": str(hit.title), "snippet_html": str(hit.snippet),
            "language": hit.language, "year": hit.year, "countries": hit.countries, "complete": hit.complete,
        } for hit in found.hits],
        "facets": {name: [vars(value) for value in values] for name, values in found.facets.items()},
    }
