"""The field's vocabulary at work: which concepts a text or a query names, in any of the four languages.

Each label of a concept (``models.Concept``) is turned into the terms of its language, function words left out
("travail des enfants" → ``fr_travail fr_enfant``). A text names a concept where those terms follow each other
in its own terms (function words skipped again), so "Trabajo infantil en la agricultura" names
``child-labor`` and ``agriculture``. The index stores the concept's token (``concept_child_labor``) beside the
words, and a query that names a concept (in any language: its words are stemmed in all four) also looks for
that token: the Spanish query finds the record written about "child labour" in English.

The vocabulary is read from the database once per process and read again when a concept changes (the
cache key below is dropped then; with a per-process cache, other processes read it again within
``SECONDS``).
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.cache import cache

from rial.search.models import Concept
from rial.search.text import LANGUAGES, stop_terms, term, terms

CACHE_KEY = "search:vocabulary-version"
SECONDS = 300
MAX_LABEL_TERMS = 8


@dataclass(frozen=True)
class ConceptInfo:
    slug: str
    token: str
    labels: dict[str, list[str]]  # language → labels, preferred first
    topic: str | None             # the platform's topic it belongs to (slug)
    broader: str | None           # the broader concept's slug


@dataclass
class Match:
    """A concept named by the terms ``start``…``end`` (exclusive) of a sequence of content terms."""

    token: str
    start: int
    end: int


@dataclass
class Vocabulary:
    concepts: dict[str, ConceptInfo] = field(default_factory=dict)
    # Per language: the first term of a label → [(the label's terms, concept token)], longest labels first.
    labels: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=dict)
    by_token: dict[str, ConceptInfo] = field(default_factory=dict)

    @classmethod
    def build(cls, concepts: Iterable[ConceptInfo]) -> "Vocabulary":
        vocabulary = cls(labels={language: {} for language in LANGUAGES})
        for concept in concepts:
            vocabulary.concepts[concept.slug] = concept
            vocabulary.by_token[concept.token] = concept
            for language, labels in concept.labels.items():
                for label in labels:
                    label_terms = tuple(content_terms(terms(label, language), language))[:MAX_LABEL_TERMS]
                    if label_terms:
                        entries = vocabulary.labels[language].setdefault(label_terms[0], [])
                        if (label_terms, concept.token) not in entries:
                            entries.append((label_terms, concept.token))
        for by_first in vocabulary.labels.values():
            for entries in by_first.values():
                entries.sort(key=lambda entry: -len(entry[0]))
        return vocabulary

    def matches(self, sequence: Sequence[str], language: str) -> list[Match]:
        """Every concept named in ``sequence`` (content terms of one language), overlapping ones included:
        "social security agreements" names both the agreements and social security."""
        by_first = self.labels.get(language, {})
        found = []
        for start, first in enumerate(sequence):
            for label_terms, token in by_first.get(first, ()):
                end = start + len(label_terms)
                if tuple(sequence[start:end]) == label_terms:
                    found.append(Match(token, start, end))
        return found

    def tokens(self, text_terms: Sequence[str], language: str) -> list[str]:
        """The concept tokens of a text's terms, once per mention (a concept named often weighs more)."""
        return [match.token for match in self.matches(content_terms(text_terms, language), language)]


def content_terms(text_terms: Sequence[str], language: str) -> list[str]:
    stops = stop_terms(language)
    return [item for item in text_terms if item not in stops]


def concept_infos() -> list[ConceptInfo]:
    rows = Concept.objects.select_related("topic", "broader").order_by("slug")
    return [ConceptInfo(slug=concept.slug, token=concept.token,
                        labels={language: concept.labels(language) for language in LANGUAGES},
                        topic=concept.topic.slug if concept.topic_id else None,
                        broader=concept.broader.slug if concept.broader_id else None) for concept in rows]


_current: tuple[str, Vocabulary] | None = None


def current() -> Vocabulary:
    """The vocabulary as the database holds it (read again after a concept changed)."""
    global _current
    version = cache.get(CACHE_KEY)
    if version is None or _current is None or _current[0] != version:
        version = version or uuid.uuid4().hex
        cache.set(CACHE_KEY, version, SECONDS)
        _current = (version, Vocabulary.build(concept_infos()))
    return _current[1]


def forget(**kwargs) -> None:
    """A concept was saved or deleted: every process reads the vocabulary again."""
    global _current
    _current = None
    cache.delete(CACHE_KEY)


def query_concepts(words: Sequence[str], vocabulary: Vocabulary) -> list[set[str]]:
    """For each query word (folded, function words already dropped), the tokens of the concepts whose label the
    query names around it, in any language."""
    found: list[set[str]] = [set() for _word in words]
    for language in LANGUAGES:
        sequence = [term(word, language) for word in words]
        for match in vocabulary.matches(sequence, language):
            for position in range(match.start, match.end):
                found[position].add(match.token)
    return found
