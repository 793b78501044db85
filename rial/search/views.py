from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from rial.core.languages import LANGUAGE_CHOICES
from rial.search import engines
from rial.search.query import FACET_SHOWN, FACETS, PER_PAGE, Results, clean_filters, search

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def read_request(params) -> tuple[str, dict[str, list[str]]]:
    return params.get("q", ""), {name: params.getlist(name) for name in FACETS}


def localized(url: str, language: str) -> str:
    """The index holds addresses without a language prefix (``SearchDocument`` removes it when written):
    the reader's is added; another site's address is left alone."""
    return f"/{language}{url}" if url.startswith("/") else url


def results(request: HttpRequest) -> HttpResponse:
    """The one search over everything published: public, like everything in the index."""
    q, raw = read_request(request.GET)
    filters, messages = clean_filters(raw)
    language = get_language() or "en"
    found = search(q=q, filters=filters, page=request.GET.get("page"), language=language, messages=messages)
    for hit in found.hits:
        hit.url = localized(hit.url, language)
    return render(request, "search/results.html", {
        "results": found,
        "cap": engines.CANDIDATES,
        "facets": _facet_links(found),
        "did_you_mean_url": _url(found, q=found.did_you_mean) if found.did_you_mean else "",
        "corrections": [(word, spellings) for word, spellings in found.corrected.items()],
        "other_languages": [{"language": other.language, "language_name": LANGUAGE_NAMES[other.language],
                             "query": other.query, "url": _url(found, q=other.query)}
                            for other in found.other_languages if other.query != found.query.text],
        "topic_links": [{"name": name, "url": reverse("topics:detail", kwargs={"slug": slug})}
                        for slug, name in found.topics],
        "previous_url": _url(found, page=found.page - 1) if found.has_previous else "",
        "next_url": _url(found, page=found.page + 1) if found.has_next else "",
        "clear_url": _url(found, filters={}),
        "first_shown": (found.page - 1) * PER_PAGE + 1,
        "last_shown": (found.page - 1) * PER_PAGE + len(found.hits),
    })


def _url(found: Results, *, filters: dict | None = None, page: int | None = None, q: str | None = None) -> str:
    if filters is None:
        filters = dict(found.filters.items())
    q = found.query.text if q is None else q
    pairs = [("q", q)] if q else []
    pairs += [(name, value) for name, values in filters.items() for value in values]
    if page and page > 1:
        pairs.append(("page", page))
    return "?" + urlencode(pairs)


def _facet_links(found: Results) -> list[dict]:
    """Each facet with, for each value, the address that selects or unselects it (page 1 again)."""
    facets = []
    for name in FACETS:
        values = found.facets.get(name, [])
        shown = [v for v in values if v.selected] + [v for v in values if not v.selected][:FACET_SHOWN]
        if not shown:
            continue
        links = []
        for value in shown:
            filters = {key: list(vals) for key, vals in found.filters.items()}
            filters[name] = [v for v in filters[name] if v != value.value] if value.selected \
                else filters[name] + [value.value]
            links.append({"value": value, "url": _url(found, filters=filters)})
        facets.append({"name": name, "heading": FACETS[name], "links": links})
    return facets
