"""Keeping the index current: after a transaction that saved or deleted a record of a source's
``models`` commits, that record's entry is written again or removed; after one that saved, deleted
or linked a row of a model in its ``related``, the records that row names are written again.

A topic or country whose name changed is named in many records (its labels in every record of the topic,
country names in some apps' texts): on commit, one background task re-indexes the records the sources name
(``documents_mentioning``, tasks.py), off the request that renamed it.

This is the one place the platform uses model signals for a side effect: it is what lets every other
app stay unaware of search (rial.core.searchable). The work runs on commit, so a rolled-back change never
reaches the index, and a failure to index is logged without undoing the record's own change.
"""

import logging
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from rial.directory.models import Country
from rial.search import index, vocabulary
from rial.search.models import Concept
from rial.search.query import forget_facet_labels
from rial.search.sources import sources
from rial.search.tasks import reindex_concepts, reindex_mentioning
from rial.search.text import LANGUAGES
from rial.topics.models import Topic

logger = logging.getLogger("rial.search")


def _by_model(source, records: Iterable) -> dict:
    """The records grouped by model, once each; records of a model the source does not index are left out
    (its ``document`` would not know them, and hiding one would remove another record's entry)."""
    grouped: dict = {}
    for record in records:
        if record is None:
            continue
        model = type(record)
        if model not in source.models:
            logger.error("search: %s named a %s, which it does not index", source.name, model._meta.label)
            continue
        grouped.setdefault(model, {})[record.pk] = record
    return {model: list(by_pk.values()) for model, by_pk in grouped.items()}


def refresh_related(source, affected, row) -> None:
    """On commit after a related row was saved: index again the records ``affected(row)`` names, as they are
    now (the source's function may prefetch what their documents read: one batch however many they are)."""
    try:
        for model, records in _by_model(source, affected(row)).items():
            index.write(source, model, records)
    except Exception:
        logger.exception("search: could not update the records of %s %s", type(row)._meta.label, row.pk)


def _refresh_later(source, rows: Iterable, affected) -> None:
    """Before related rows go (delete, unlink) or once linked: note which records they name now, and read
    those records again on commit (by then the rows may be gone)."""
    try:
        keys = {model: [record.pk for record in records]
                for model, records in _by_model(source, (r for row in rows for r in affected(row))).items()}
    except Exception:
        logger.exception("search: could not find the records a change of %s touches", source.name)
        return
    for model, pks in keys.items():
        transaction.on_commit(partial(index.refresh, source, model, pks))


def _changed(sender, instance, source=None, **kwargs):
    transaction.on_commit(partial(index.refresh, source, sender, [instance.pk]))


def _deleted(sender, instance, source=None, **kwargs):
    # The pk is gone from the instance after delete() only for the in-memory object; keep it now.
    transaction.on_commit(partial(index.refresh, source, sender, [instance.pk]))


def _related_changed(sender, instance, source=None, affected=None, **kwargs):
    transaction.on_commit(partial(refresh_related, source, affected, instance))


def _related_deleting(sender, instance, source=None, affected=None, **kwargs):
    _refresh_later(source, [instance], affected)


def _m2m_field(through):
    """The many-to-many field whose link rows ``through`` holds."""
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            if field.remote_field.through is through:
                return field
    return None


def _links_changed(sender, instance, action, reverse, pk_set, source=None, affected=None, field=None, **kwargs):
    """``record.topics.set(…)``, ``add``, ``remove``, ``clear`` (either side): the link rows added, or about to
    be removed, are given to ``affected`` like any other related row."""
    if action not in ("post_add", "pre_remove", "pre_clear"):
        return
    here, there = field.m2m_field_name(), field.m2m_reverse_field_name()
    if reverse:
        here, there = there, here
    rows = sender._default_manager.filter(**{here: instance.pk}).select_related()
    if pk_set is not None:
        rows = rows.filter(**{f"{there}__in": pk_set})
    _refresh_later(source, rows, affected)


def _uid(source, model) -> str:
    return f"rial.search:{source.name}:{model._meta.label}"


def connect(source) -> None:
    for model in source.models:
        uid = _uid(source, model)
        post_save.connect(partial(_changed, source=source), sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(partial(_deleted, source=source), sender=model, weak=False, dispatch_uid=uid + ":delete")
    for model, affected in source.related.items():
        uid = _uid(source, model) + ":related"
        post_save.connect(partial(_related_changed, source=source, affected=affected), sender=model, weak=False,
                          dispatch_uid=uid + ":save")
        pre_delete.connect(partial(_related_deleting, source=source, affected=affected), sender=model, weak=False,
                           dispatch_uid=uid + ":delete")
        field = _m2m_field(model)
        if field is not None:
            m2m_changed.connect(partial(_links_changed, source=source, affected=affected, field=field),
                                sender=model, weak=False, dispatch_uid=uid + ":links")


def disconnect(source) -> None:
    for model in source.models:
        uid = _uid(source, model)
        post_save.disconnect(sender=model, dispatch_uid=uid + ":save")
        post_delete.disconnect(sender=model, dispatch_uid=uid + ":delete")
    for model in source.related:
        uid = _uid(source, model) + ":related"
        post_save.disconnect(sender=model, dispatch_uid=uid + ":save")
        pre_delete.disconnect(sender=model, dispatch_uid=uid + ":delete")
        m2m_changed.disconnect(sender=model, dispatch_uid=uid + ":links")


NAME_FIELDS = tuple(f"name_{language}" for language in LANGUAGES)
RENAMED = {Topic: "topic_id", Country: "country_id"}


def _renaming(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a topic or country is saved: if a name in any language changes, re-index on commit the records
    that name it. One read of the old names per save (rare: reference data); nothing when no name changed."""
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and not any(name.startswith("name") for name in update_fields):
        return
    before = sender._default_manager.filter(pk=instance.pk).values(*NAME_FIELDS).first()
    if before is None or all(before[name] == getattr(instance, name) for name in NAME_FIELDS):
        return
    transaction.on_commit(partial(reindex_mentioning.enqueue, **{RENAMED[sender]: instance.pk}))


_changed_concepts = threading.local()


@contextmanager
def loading_vocabulary():
    """While the shipped vocabulary is loaded, concept changes queue no task: the loader re-indexes what it
    changed itself, once, at the end (demo.load_reference)."""
    _changed_concepts.loading = True
    try:
        yield
    finally:
        _changed_concepts.loading = False


def _concept_changed(sender, instance, **kwargs):
    """A concept saved or deleted: the vocabulary is read again at once, and on commit one task re-indexes the
    records naming the concepts changed in that transaction (loading the vocabulary file changes hundreds)."""
    vocabulary.forget()
    if getattr(_changed_concepts, "loading", False):
        return
    pending = getattr(_changed_concepts, "slugs", None)
    if pending is None:
        pending = _changed_concepts.slugs = set()
    pending.add(instance.slug)
    # Every change registers the callback; the first to run takes every pending concept (a rolled-back
    # transaction's concepts are taken by the next commit: re-indexed once more, never missed).
    transaction.on_commit(_enqueue_changed_concepts)


def _enqueue_changed_concepts() -> None:
    slugs = sorted(getattr(_changed_concepts, "slugs", None) or ())
    _changed_concepts.slugs = set()
    if slugs:
        reindex_concepts.enqueue(slugs=slugs)


def connect_all() -> None:
    for source in sources():
        connect(source)
    for model in RENAMED:
        uid = f"rial.search:renamed:{model._meta.label}"
        pre_save.connect(_renaming, sender=model, dispatch_uid=uid)
        # The facet names the search pages show are cached (query.facet_labels): read them again.
        post_save.connect(forget_facet_labels, sender=model, dispatch_uid=uid + ":labels-save")
        post_delete.connect(forget_facet_labels, sender=model, dispatch_uid=uid + ":labels-delete")
    post_save.connect(_concept_changed, sender=Concept, dispatch_uid="rial.search:concept-save")
    post_delete.connect(_concept_changed, sender=Concept, dispatch_uid="rial.search:concept-delete")
