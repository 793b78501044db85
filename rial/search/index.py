"""Writing the index: one document, many documents, the records of a source, or everything again.

An entry's rows (entry with its facet values, language versions, full-text row) are always written together
in one transaction, so a failure leaves the previous entry in place. Beside its words, each part of an entry
(title, topic labels, body) holds the tokens of the vocabulary's concepts it names (``vocabulary.py``).
"""

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from rial.core.searchable import SearchDocument, SearchSource
from rial.search import suggest, vocabulary
from rial.search.engines import IndexRow, get_engine
from rial.search.models import IndexState, SearchEntry, SearchTerm, SearchText
from rial.search.sources import sources
from rial.search.text import LANGUAGES, RULES_VERSION, filter_token, terms
from rial.topics.models import Topic

logger = logging.getLogger("rial.search")

BATCH = 500
WORDS_CHARS = 20_000  # the part of each text whose words the spelling dictionary learns
TERM_CHARS = 100  # SearchTerm.term; terms are at most 3 + 40 characters, concept tokens 8 + the slug


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

    def terms(self, slugs: Iterable[str], concepts: vocabulary.Vocabulary) -> list[str]:
        """The labels' terms in the four languages, and the concepts they name."""
        found = []
        for slug in slugs:
            if slug not in self._terms:
                self._terms[slug] = []
                for language, label in self.labels.get(slug, {}).items():
                    label_terms = terms(label, language)
                    self._terms[slug] += label_terms + concepts.tokens(label_terms, language)
            found += self._terms[slug]
        return found


def _facets(document: SearchDocument, topics: TopicLabels) -> list[tuple[str, str]]:
    values = [("kind", document.kind)]
    values += [("country", code) for code in document.countries]
    values += [("topic", slug) for slug in topics.with_areas(document.topics)]
    values += [("lang", language) for language in document.versions()]
    if document.year:
        values.append(("year", str(document.year)))
    return values


def _row(entry_id: int, document: SearchDocument, topics: TopicLabels, concepts: vocabulary.Vocabulary) -> IndexRow:
    title, body, title_concepts, body_concepts = [], [], [], []
    for language, (version_title, version_body) in document.versions().items():
        version_title_terms, version_body_terms = terms(version_title, language), terms(version_body, language)
        title += version_title_terms
        body += version_body_terms
        title_concepts += concepts.tokens(version_title_terms, language)
        body_concepts += concepts.tokens(version_body_terms, language)
    return IndexRow(entry_id=entry_id, title=title + title_concepts, topics=topics.terms(document.topics, concepts),
                    body=body + body_concepts,
                    filters=[filter_token(name, value) for name, value in _facets(document, topics)])


def facet_string(values: list[tuple[str, str]]) -> str:
    return " ".join(f"{name}:{str(value).replace(' ', '_')}" for name, value in values)


def parse_facets(text: str) -> list[tuple[str, str]]:
    return [tuple(item.split(":", 1)) for item in text.split()]


def _entry_fields(document: SearchDocument, topics: TopicLabels) -> dict:
    return {"url": document.url[:500], "language": document.language,
            "title": document.title[:500], "year": document.year,
            "facets": facet_string(_facets(document, topics))}


_rules_noted = False


def _note_rules() -> None:
    """The first write into an index that has no record of its term rules (a new database) records the code's,
    once per process; an index written by earlier code has its own record (migration 0006), so it stays stale."""
    global _rules_noted
    if not _rules_noted:
        if not IndexState.objects.exists():
            IndexState.objects.create(rules=RULES_VERSION)
        _rules_noted = True


def index_documents(documents: Iterable[SearchDocument]) -> int:
    """Add or replace these documents' entries; returns how many were written."""
    engine, written = get_engine(), 0
    iterator = iter(documents)
    while batch := list(islice(iterator, BATCH)):
        batch = list({(d.kind, d.key): d for d in batch}.values())
        with transaction.atomic():
            _note_rules()
            topics, concepts = TopicLabels(), vocabulary.current()
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
                for d in batch for language, (title, body) in d.versions().items()])
            rows = [_row(ids[(d.kind, d.key)], d, topics, concepts) for d in batch]
            engine.write(rows)
            _remember_terms(rows)
            suggest.remember_words(text[:WORDS_CHARS] for d in batch for version in d.versions().values()
                                   for text in version)
        written += len(batch)
    return written


def _remember_terms(rows: list[IndexRow]) -> None:
    """Record the terms these rows hold (in the caller's transaction: a rolled-back write records none)."""
    held = {item for row in rows for part in (row.title, row.topics, row.body) for item in part}
    # Plain rows, not model instances: a batch of 500 records holds thousands of terms, nearly all known already.
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {SearchTerm._meta.db_table} (term) VALUES (%s) ON CONFLICT DO NOTHING",  # noqa: S608
                           [(item,) for item in sorted(held) if len(item) <= TERM_CHARS])


def known_terms(wanted: Iterable[str]) -> set[str]:
    """Those of ``wanted`` that some record holds or held (one query)."""
    wanted = list(set(wanted))
    return set(SearchTerm.objects.filter(term__in=wanted).values_list("term", flat=True)) if wanted else set()


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
        IndexState.objects.all().delete()
        IndexState.objects.create(rules=RULES_VERSION)
    return written


def built_with() -> str | None:
    """The term rules the index was last rebuilt with (None: never rebuilt by this version of the code)."""
    state = IndexState.objects.order_by("-built_at").first()
    return state.rules if state else None


def is_stale() -> bool:
    """Whether the index holds terms made by other rules than the code's (it must be rebuilt), or was never
    built while it holds entries."""
    rules = built_with()
    if rules is None:
        return SearchEntry.objects.exists()
    return rules != RULES_VERSION


def write(source: SearchSource, model, records: Iterable, gone: Iterable = ()) -> None:
    """Index these records of ``model`` again in one batch; remove the entries of those that must not be
    found and of the primary keys in ``gone`` (records deleted meanwhile).

    A record that is not findable is removed by its key, which the contract asks to be its primary key as text.
    """
    documents, hidden = [], [str(pk) for pk in gone]
    for record in records:
        document = source.document(record)
        if document is None:
            hidden.append(str(record.pk))
        else:
            documents.append(document)
    index_documents(documents)
    if hidden:
        # Only the kinds this model gives: another model of the source may use the same key.
        for kind in source.kinds_of(model):
            remove(kind, hidden)


def refresh(source: SearchSource, model, pks: Iterable) -> None:
    """Read these records of ``model`` again and index them, or remove them when they are gone."""
    pks = list(pks)
    try:
        records = list(model._default_manager.filter(pk__in=pks))
        found = {record.pk for record in records}
        write(source, model, records, gone=[pk for pk in pks if pk not in found])
    except Exception:
        logger.exception("search: could not update the entries of %s %s", model._meta.label, pks)


def refresh_entries(entries: Iterable[tuple[str, str]]) -> int:
    """Index again the records behind these (kind, key) entries, through the sources that give them (entries of a
    kind no source's model gives are left as they are). Returns how many records were read again."""
    keys_by_kind: dict[str, set[str]] = {}
    for kind, key in entries:
        keys_by_kind.setdefault(kind, set()).add(key)
    done = 0
    for source in sources():
        for model in source.models:
            keys = {key for kind in source.kinds_of(model) for key in keys_by_kind.get(kind, ())}
            pks = sorted(int(key) for key in keys if key.isdigit())
            for start in range(0, len(pks), BATCH):
                refresh(source, model, pks[start:start + BATCH])
            done += len(pks)
    return done
