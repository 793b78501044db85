"""Keeping the index current: after a transaction that saved or deleted a record of a source's
``SEARCH_MODELS`` commits, that record's entry is written again or removed.

This is the one place the platform uses model signals for a side effect: it is what lets every other
app stay unaware of search (documents.py). The work runs on commit, so a rolled-back change never
reaches the index, and a failure to index is logged without undoing the record's own change.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from rial.search import index
from rial.search.sources import sources

logger = logging.getLogger("rial.search")


def refresh(source, model, pk) -> None:
    """Index the record again, or remove it when it is gone or must not be found.

    A record that is not findable (draft, archived, deleted) is removed by its key, which the interface
    asks to be its primary key as text.
    """
    try:
        obj = model._default_manager.filter(pk=pk).first()
        document = source.search_document(obj) if obj is not None else None
        if document is None:
            # Only the kinds this model gives: another model of the source may use the same key.
            kinds = getattr(source, "SEARCH_MODEL_KINDS", {}).get(model, source.SEARCH_KINDS)
            for kind in kinds:
                index.remove(kind, [str(pk)])
        else:
            index.index_document(document)
    except Exception:
        logger.exception("search: could not update the entry of %s %s", model._meta.label, pk)


def _changed(sender, instance, source=None, **kwargs):
    transaction.on_commit(partial(refresh, source, sender, instance.pk))


def _deleted(sender, instance, source=None, **kwargs):
    # The pk is gone from the instance after delete() only for the in-memory object; keep it now.
    transaction.on_commit(partial(refresh, source, sender, instance.pk))


def connect(source) -> None:
    for model in getattr(source, "SEARCH_MODELS", []):
        uid = f"rial.search:{source.__name__}:{model._meta.label}"
        post_save.connect(partial(_changed, source=source), sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(partial(_deleted, source=source), sender=model, weak=False, dispatch_uid=uid + ":delete")


def disconnect(source) -> None:
    for model in getattr(source, "SEARCH_MODELS", []):
        uid = f"rial.search:{source.__name__}:{model._meta.label}"
        post_save.disconnect(sender=model, dispatch_uid=uid + ":save")
        post_delete.disconnect(sender=model, dispatch_uid=uid + ":delete")


def connect_all() -> None:
    for source in sources():
        connect(source)
