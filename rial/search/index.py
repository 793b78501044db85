"""Writing the index: one document, many documents, or everything again.

An entry's rows (entry with its facet values, language versions, full-text row) are always written together
in one transaction, so a failure leaves the previous entry in place.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import transaction

from rial.core.searchable import SearchDocument
from rial.search.engines import IndexRow, get_engine
from rial.search.models import SearchEntry, SearchText
from rial.search.sources import sources
from rial.search.text import LANGUAGES, filter_token, terms
from rial.topics.models import Topic

BATCH = 500


class TopicLabels:
    """Each topic's labels in the four languages and its area, read once per batch."""

    def __init__(self):
        self.labels: dict[str, dict[str, str]] = {}
        self.area: dict[str, str] = {}
        self._terms: dict[str, list[str]] = {}
        for topic in Topic.objects.select_related("parent"):
            self.labels[topic.slug] = {lang: getattr(topic, f"name_{lang}") or "" for lang in LANGUAGES}
            if topic.parent_id:
                self.area[topic.slug] = topic.parent.slug

    def with_areas(self, slugs: Iterable[str]) -> list[str]:
        """A record about "labor-inspection" is also found under its area "labor"."""
        result = list(dict.fromkeys(slugs))
        return list(dict.fromkeys(result + [self.area[s] for s in result if s in self.area]))

    def terms(self, slugs: Iterable[str]) -> list[str]:
        found = []
        for slug in slugs:
            if slug not in self._terms:
                self._terms[slug] = [t for language, label in self.labels.get(slug, {}).items()
                                     for t in terms(label, language)]
            found += self._terms[slug]
        return found


def _language(code: str) -> str:
    return code if code in LANGUAGES else "en"


def _versions(document: SearchDocument) -> dict[str, tuple[str, str]]:
    versions = {_language(document.language): (document.title, document.body)}
    for language, (title, body) in document.translations.items():
        if language in LANGUAGES and language not in versions and (title or body):
            versions[language] = (title, body)
    return versions


def _facets(document: SearchDocument, topics: TopicLabels) -> list[tuple[str, str]]:
    values = [("kind", document.kind)]
    values += [("country", code.upper()) for code in dict.fromkeys(document.countries)]
    values += [("topic", slug) for slug in topics.with_areas(document.topics)]
    values += [("lang", language) for language in _versions(document)]
    if document.year:
        values.append(("year", str(document.year)))
    return values


def _row(entry_id: int, document: SearchDocument, topics: TopicLabels) -> IndexRow:
    title, body = [], []
    for language, (version_title, version_body) in _versions(document).items():
        title += terms(version_title, language)
        body += terms(version_body, language)
    return IndexRow(entry_id=entry_id, title=title, topics=topics.terms(document.topics), body=body,
                    filters=[filter_token(name, value) for name, value in _facets(document, topics)])


def facet_string(values: list[tuple[str, str]]) -> str:
    return " ".join(f"{name}:{str(value).replace(' ', '_')}" for name, value in values)


def parse_facets(text: str) -> list[tuple[str, str]]:
    return [tuple(item.split(":", 1)) for item in text.split()]


def _entry_fields(document: SearchDocument, topics: TopicLabels) -> dict:
    return {"url": document.url[:500], "language": _language(document.language),
            "title": document.title[:500], "year": document.year,
            "facets": facet_string(_facets(document, topics))}


def index_documents(documents: Iterable[SearchDocument]) -> int:
    """Add or replace these documents' entries; returns how many were written."""
    engine, written = get_engine(), 0
    iterator = iter(documents)
    while batch := list(islice(iterator, BATCH)):
        batch = list({(d.kind, d.key): d for d in batch}.values())
        with transaction.atomic():
            topics = TopicLabels()
            wanted = {(d.kind, d.key) for d in batch}
            existing = {(e.kind, e.key): e for e in SearchEntry.objects.filter(
                key__in=[d.key for d in batch], kind__in={d.kind for d in batch}) if (e.kind, e.key) in wanted}
            new = [SearchEntry(kind=d.kind, key=d.key, **_entry_fields(d, topics))
                   for d in batch if (d.kind, d.key) not in existing]
            SearchEntry.objects.bulk_create(new)
            for document in batch:
                entry = existing.get((document.kind, document.key))
                if entry is not None:
                    for name, value in _entry_fields(document, topics).items():
                        setattr(entry, name, value)
            if existing:
                SearchEntry.objects.bulk_update(existing.values(), ["url", "language", "title", "year", "facets"])
                SearchText.objects.filter(entry__in=existing.values()).delete()
            ids = {(e.kind, e.key): e.pk for e in [*existing.values(), *new]}
            if any(pk is None for pk in ids.values()):
                # bulk_create returns primary keys on PostgreSQL and SQLite ≥ 3.35; read them back otherwise.
                ids = {(e.kind, e.key): e.pk for e in SearchEntry.objects.filter(
                    key__in=[d.key for d in batch], kind__in={d.kind for d in batch})}
            SearchText.objects.bulk_create([
                SearchText(entry_id=ids[(d.kind, d.key)], language=language, title=title[:500],
                           body=body[:SearchText.BODY_CHARS])
                for d in batch for language, (title, body) in _versions(d).items()])
            engine.write([_row(ids[(d.kind, d.key)], d, topics) for d in batch])
        written += len(batch)
    return written


def index_document(document: SearchDocument) -> None:
    index_documents([document])


def remove(kind: str, keys: Iterable[str]) -> int:
    with transaction.atomic():
        ids = list(SearchEntry.objects.filter(kind=kind, key__in=list(keys)).values_list("id", flat=True))
        get_engine().delete(ids)
        SearchEntry.objects.filter(id__in=ids).delete()
    return len(ids)


def clear() -> None:
    with transaction.atomic():
        get_engine().clear()
        SearchText.objects.all().delete()
        SearchEntry.objects.all().delete()


def all_documents() -> Iterator[SearchDocument]:
    for source in sources():
        yield from source.documents()


def rebuild() -> int:
    """Everything again from every source, in one transaction: readers never see a half-built index."""
    with transaction.atomic():
        clear()
        written = index_documents(all_documents())
        get_engine().optimize()
    return written
