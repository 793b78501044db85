"""One search: clean the reader's input, ask the engine, count facets, build highlighted hits.

Each query word becomes a clause of alternative terms (the word in four languages, the concepts of the
vocabulary the query names around it); the engine returns the records matching any clause, those with every
word first. A word the index has never seen is also searched as its nearest known spellings, and the page
says so; when nothing is found, it suggests the query in the other languages and the topics it belongs to.

The number of SQL queries does not grow with the data: the engine's statements (2 on SQLite for one word,
one more per word for several), and the page's language versions with their entries (1). Facets are
counted in Python over the candidates; the names of countries and topics they show are reference data, kept
in the cache (2 more queries when it is empty, see ``facet_labels``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from rial.core.languages import LANGUAGE_CHOICES
from rial.directory.models import Country
from rial.search import engines, snippets, suggest, vocabulary
from rial.search.engines import Candidate, EngineQuery, get_engine
from rial.search.index import TERM_CHARS, known_terms, parse_facets
from rial.search.models import SearchText
from rial.search.sources import kinds
from rial.search.text import (
    LANGUAGES,
    MAX_QUERY_WORDS,
    WORD_RE,
    ParsedQuery,
    filter_token,
    fold,
    parse_query,
    term,
)
from rial.search.text import terms as text_terms
from rial.topics.models import Topic

PER_PAGE = 20
# The facets, in the order the page shows them, with their headings; also the filter parameters' names.
FACETS = {"kind": gettext_lazy("Kind"), "country": gettext_lazy("Country"), "topic": gettext_lazy("Topic"),
          "year": gettext_lazy("Year"), "lang": gettext_lazy("Language")}
FACET_SHOWN = 12  # values per facet on the page; the API returns them all
CHOOSE_CHARS = 3000
LABELS_SECONDS = 300  # how long a country or topic name may be cached (it is also forgotten on save)
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass
class Filters:
    kind: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)

    def items(self):
        return [(name, getattr(self, name)) for name in FACETS]

    @property
    def any(self) -> bool:
        return any(values for _name, values in self.items())


def clean_filters(raw: dict[str, list[str]]) -> tuple[Filters, list[str]]:
    """Keep the well-formed filter values; name the ones dropped (a message, never an error)."""
    known_kinds = kinds()
    checks = {
        "kind": lambda v: v in known_kinds,
        "country": lambda v: len(v) == 2 and v.isascii() and v.isalpha(),
        "topic": lambda v: bool(SLUG_RE.match(v)),
        "year": lambda v: v.isascii() and v.isdigit() and 1900 <= int(v) <= 2100,
        "lang": lambda v: v in LANGUAGES,
    }
    filters, dropped = Filters(), []
    for name, check in checks.items():
        for value in raw.get(name, [])[:20]:
            value = original = (value or "").strip()
            if name == "country":
                value = value.upper()
            elif name != "topic":
                value = value.lower()
            if not value:
                continue
            if check(value):
                if value not in getattr(filters, name):
                    getattr(filters, name).append(value)
            else:
                dropped.append(original[:40])
    messages = []
    if dropped:
        messages.append(_("These filter values are not recognised and were ignored: %(values)s.")
                        % {"values": ", ".join(dropped)})
    return filters, messages


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    kind: str
    kind_label: str
    url: str
    title: SafeString
    plain_title: str
    snippet: SafeString
    language: str
    year: int | None
    countries: list[str]
    complete: bool = True  # the record contains every word of the query


@dataclass
class Results:
    query: ParsedQuery
    filters: Filters
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    page: int = 1
    num_pages: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    searched: bool = False
    words: int = 0                 # how many words were looked for
    full_matches: int = 0          # how many results contain every one of them
    corrected: dict[str, list[str]] = field(default_factory=dict)  # unknown word → spellings also searched
    did_you_mean: str = ""         # the query with its unknown words corrected
    other_languages: list[suggest.OtherLanguage] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)  # (slug, name) of topics the query names

    @property
    def complete_hits(self) -> list[Hit]:
        """The hits of this page that contain every word."""
        return [hit for hit in self.hits if hit.complete]

    @property
    def partial(self) -> bool:
        """Some results contain only some of the words."""
        return self.words > 1 and self.full_matches < self.total

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


@dataclass
class Plan:
    """What the engine is asked, the terms of the words typed (and their corrections), and every term whose
    words the page highlights (those, and the labels of the concepts the query names)."""

    engine: EngineQuery
    typed: set[str]
    highlight: set[str]


def plan(query: ParsedQuery, filters: Filters, corrections: dict[str, list[str]] | None = None) -> Plan:
    corrections = corrections or {}
    concepts = vocabulary.current()
    spellings = [[word, *(fold(other) for other in corrections.get(word, ()))] for word in query.words]
    named = [set() for _word in query.words]
    # The concepts named by the words as typed, and by their corrections.
    for variant in range(max((len(options) for options in spellings), default=0)):
        found = vocabulary.query_concepts([options[min(variant, len(options) - 1)] for options in spellings], concepts)
        for position, tokens in enumerate(found):
            named[position] |= tokens
    clauses, typed, highlight = [], set(), set()
    for options, tokens in zip(spellings, named, strict=True):
        alternatives = [term(option, language) for option in options for language in LANGUAGES]
        typed.update(alternatives)
        clauses.append(list(dict.fromkeys(alternatives + sorted(tokens))))
        # A record found through a concept shows its own words for it: the concept's labels are highlighted.
        for token in tokens:
            for language, labels in concepts.by_token[token].labels.items():
                for label in labels:
                    highlight.update(text_terms(label, language))
    filter_tokens = [[filter_token(name, value) for value in values] for name, values in filters.items() if values]
    return Plan(EngineQuery(clauses=_held(clauses), filters=filter_tokens), typed, typed | highlight)


def _held(clauses: list[list[str]]) -> list[list[str]]:
    """Each clause without the alternatives no record holds: a word stemmed in four languages usually exists in
    one or two, and every alternative the engine is given costs time in each match test and rank over up to
    1,000 rows. The same records match. A clause none of whose terms is held keeps its first term, so that it
    still counts as a word nothing matches (coverage and tiers are unchanged)."""
    held = known_terms(item for clause in clauses for item in clause)
    # A term too long for the table is never recorded there: it is kept.
    return [[item for item in clause if item in held or len(item) > TERM_CHARS] or clause[:1] for clause in clauses]


def engine_query(query: ParsedQuery, filters: Filters) -> EngineQuery:
    return plan(query, filters).engine


def _page_number(raw, last: int) -> int:
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(last, 1))


def search(*, q: str, filters: Filters, page=1, language: str = "en", messages=None) -> Results:
    query = parse_query(q)
    results = Results(query=query, filters=filters, messages=list(messages or []))
    if query.truncated:
        results.messages.append(ngettext(
            "Only the first %(count)d word of your search was used.",
            "Only the first %(count)d words of your search were used.", MAX_QUERY_WORDS)
            % {"count": MAX_QUERY_WORDS})
    if query.empty and query.text:
        results.messages.append(_("Your search has no words to look for: letters or numbers are needed."))
        return results
    if query.empty and not filters.any:
        return results
    results.searched = True
    results.words = len(query.words)
    cap = engines.CANDIDATES
    engine = get_engine()
    asked = plan(query, filters)
    # The results up to the page asked for must be in their exact order; the rest only counted.
    needed = _page_number(page, -(-cap // PER_PAGE)) * PER_PAGE
    candidates = engine.candidates(asked.engine, limit=cap + 1, needed=needed)
    if query.words and (not candidates or candidates[-1].coverage < results.words):
        # Some word matched nothing, or not everywhere: a misspelling is searched as the known words nearest it.
        corrections = suggest.corrections(query.words)
        if corrections:
            corrected = plan(query, filters, corrections)
            found = engine.candidates(corrected.engine, limit=cap + 1, needed=needed)
            if _full(found, results.words) > _full(candidates, results.words) or len(found) > len(candidates):
                asked, candidates, results.corrected = corrected, found, corrections
                results.did_you_mean = _corrected_text(query.text, corrections)
    # More than `cap` matches: the page says "more than 1,000" (total is then a lower bound).
    results.capped = len(candidates) > cap
    candidates = candidates[:cap]
    results.total = len(candidates)
    results.full_matches = _full(candidates, results.words) if query.words else results.total
    results.num_pages = -(-len(candidates) // PER_PAGE)
    results.page = _page_number(page, results.num_pages)
    start = (results.page - 1) * PER_PAGE
    results.hits = _hits(candidates[start:start + PER_PAGE], asked, language, results.words)
    results.facets = _facets(candidates, filters)
    if not candidates and query.words:
        results.other_languages = suggest.other_languages(query.words)
        names = facet_labels(get_language() or "en")["topic"]
        results.topics = [(slug, names.get(slug, slug)) for slug in suggest.topics_named(query.words)]
    return results


def _full(candidates: list[Candidate], words: int) -> int:
    return sum(1 for candidate in candidates if candidate.coverage >= words)


def _corrected_text(text: str, corrections: dict[str, list[str]]) -> str:
    """The reader's text with each unknown word replaced by its nearest known spelling."""
    return WORD_RE.sub(lambda found: corrections.get(fold(found.group()), [found.group()])[0], text[:500])


class Version(NamedTuple):
    """One language version of a hit, as read for the page (SearchText's fields)."""

    language: str
    title: str
    body: str


def _choose_version(texts: list[Version], asked: Plan | None, language: str, original: str) -> Version:
    """The version to show: the one where the words typed were found (else the concepts they name), then the
    reader's language, then the original."""
    # Most preferred first (sorted() keeps the stored order among equals), so the first version where
    # the words are found is the one to show, and the versions after it need not be scanned.
    ordered = sorted(texts, key=lambda text: (text.language != language, text.language != original))
    if len(ordered) > 1 and asked is not None:
        for wanted in (asked.typed, asked.highlight):
            for text in ordered:
                # The title and the opening are enough to tell where the words are; scanning whole bodies of
                # every version of every hit would cost more than the search itself.
                if snippets.contains(text.title + " " + text.body[:CHOOSE_CHARS], text.language, wanted):
                    return text
    return ordered[0]


def _hits(candidates: list[Candidate], asked: Plan | None, language: str, words: int = 0) -> list[Hit]:
    if not candidates:
        return []
    ids = [candidate.id for candidate in candidates]
    # One query for the page: each language version with its entry's fields (every entry has at least
    # its original version, index.py). Plain rows, not model instances: this runs on every search.
    entries: dict[int, tuple] = {}
    texts: dict[int, list[Version]] = {}
    rows = SearchText.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "language", "title", "body",
        "entry__kind", "entry__url", "entry__language", "entry__title", "entry__year")
    for entry_id, text_language, title, body, *entry in rows:
        entries[entry_id] = entry
        texts.setdefault(entry_id, []).append(Version(text_language, title, body))
    countries = {c.id: [value for name, value in parse_facets(c.facets) if name == "country"] for c in candidates}
    labels = kinds()
    hits = []
    complete = {candidate.id: candidate.coverage >= words for candidate in candidates}
    wanted = asked.highlight if asked is not None else set()
    for pk in ids:
        if pk not in entries:
            continue
        kind, url, original, entry_title, year = entries[pk]
        shown = _choose_version(texts[pk], asked, language, original)
        hits.append(Hit(
            kind=kind, kind_label=str(labels.get(kind, kind)), url=url,
            title=snippets.highlight(shown.title or entry_title, shown.language, wanted),
            plain_title=shown.title or entry_title,
            snippet=snippets.snippet(shown.body, shown.language, wanted),
            language=shown.language, year=year, countries=sorted(countries.get(pk, [])), complete=complete[pk],
        ))
    return hits


def _facets(candidates: list[Candidate], filters: Filters) -> dict[str, list[FacetValue]]:
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for token, number in Counter(" ".join(c.facets for c in candidates).split()).items():
        name, _sep, value = token.partition(":")
        if name in counts:
            counts[name][value] = number
    for name, values in filters.items():
        for value in values:
            counts[name].setdefault(value, 0)
    labels = _facet_labels(counts)
    facets = {}
    for name in FACETS:
        selected = set(getattr(filters, name))
        values = [FacetValue(value=v, label=labels[name].get(v, v), count=n, selected=v in selected)
                  for v, n in counts[name].items()]
        if name == "year":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        facets[name] = values
    return facets


def _facet_labels(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {name: {} for name in FACETS}
    labels["kind"] = {kind: str(label) for kind, label in kinds().items()}
    labels["lang"] = {code: str(label) for code, label in LANGUAGE_CHOICES}
    if counts["country"] or counts["topic"]:
        labels.update(facet_labels(get_language() or "en"))
    return labels


def _labels_key(language: str) -> str:
    return f"search:facet-labels:{language}"


def facet_labels(language: str) -> dict[str, dict[str, str]]:
    """Every country's and topic's name in ``language``: read from the database only when the cache
    has forgotten them, not on every search (two queries and a hundred objects saved per search)."""
    labels = cache.get(_labels_key(language))
    if labels is None:
        labels = {"country": dict(Country.objects.values_list("iso2", "name")),
                  "topic": {topic.slug: topic.name for topic in Topic.objects.all()}}
        cache.set(_labels_key(language), labels, LABELS_SECONDS)
    return labels


def forget_facet_labels(**kwargs) -> None:
    """A country or topic was saved or deleted: the names are read again on the next search."""
    cache.delete_many([_labels_key(language) for language in LANGUAGES])
