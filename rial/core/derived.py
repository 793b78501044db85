"""Values computed from public records, kept until the next committed write: never stale.

Some parts of a page cost far more to build than to read (a map of the Americas with a thousand cooperation
flows drawn as SVG, a table of every pair of countries under an agreement) and change only when a record
changes. ``cached()`` keeps such a value under the anonymous page cache's *generation* token
(rial/core/pagecache.py), which every committed write to a table a public page shows replaces: the next request
after a write reads a new key and builds the value again from the committed records. Unlike the page cache it
also serves signed-in users, so it is used only for values that are the same for every reader (a key holds the
language and whatever else the value depends on, the date for instance). A value is kept at most
``RIAL_PAGE_CACHE_SECONDS`` (300), like a cached page, so what changes with the clock alone is never older.

Why it cannot go stale:
- the token is read before the records, so a value built while a write commits is stored under the token that
  commit replaced, which no later request reads;
- a request whose own transaction has written a public table and not committed yet (the token will change only
  when it commits) neither reads nor stores: it builds the value from what it sees;
- a token that cannot be read (the file is missing or unreadable) means no cache, never an old value.
"""

import hashlib
import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rial.core import pagecache

logger = logging.getLogger("rial.derived")


def _uncommitted_public_writes() -> bool:
    """Whether a transaction open on any connection wrote a public table (its ``changed`` waits for the commit)."""
    return any(pagecache.change_pending(connection) for connection in connections.all(initialized_only=True))


# The keys being built in this process, each with the lock its builder holds.
_building: dict[str, object] = {}
_building_lock = threading.Lock()
BUILD_WAIT_SECONDS = 30


def cached(name: str, build, *parts: object):
    """``build()``, or the value it returned for the same name, parts and language since the last write."""
    if _uncommitted_public_writes():
        return build()
    try:
        token = pagecache.generation()
    except OSError:
        logger.exception("derived values: cannot read the generation token")
        return build()
    key = ":".join(["rial:derived", name, token, translation.get_language() or "", *(str(part) for part in parts)])
    value = cache.get(key)
    if value is not None:
        return value
    # One thread of the process builds; the others asking for the same value meanwhile wait for it and read it.
    # Without this, every thread that asked during the first build (after each write, a dozen under load) built
    # the same map or list again, each slowing the others.
    with _building_lock:
        lock = _building.setdefault(key, threading.RLock())
    if not lock.acquire(timeout=BUILD_WAIT_SECONDS):  # a build stuck that long: build this one apart
        return build()
    try:
        value = cache.get(key)
        if value is None:
            value = build()
            # Writes change the key; the clock does not. What changes with the clock alone ("upcoming", "due
            # next") is at most this old, as on the page cache (keys that depend on the date also hold it).
            cache.set(key, value, getattr(settings, "RIAL_PAGE_CACHE_SECONDS", 300))
        return value
    finally:
        lock.release()
        with _building_lock:
            if _building.get(key) is lock:
                del _building[key]


def for_person_today(name: str, build, user):
    """``cached`` for a value about one person that also follows the date (roles, forums they may read, their
    desk): kept per person and day until the next committed write."""
    return cached(name, build, user.pk, timezone.localdate().isoformat())


def fragment(name: str, template_name: str, context, *parts: object) -> str:
    """``template_name`` drawn with ``context`` (a dict, or a function that returns one, called only when the
    fragment is drawn) and kept like any derived value: the part of a page that shows public records only
    (nothing of the reader: no permission, form or token), drawn once per language and ``parts`` until the next
    write. Drawing a page's sections (tables, lists, dozens of links) costs more than the rest of its request;
    the reader's own links stay in the page around it."""
    return cached(name, lambda: render_to_string(template_name, context() if callable(context) else context),
                  template_name, *parts)


def form_html(name: str, form, template_name: str) -> str:
    """A list page's filter form drawn by ``template_name`` (given only ``form``). Its choices (countries, topics…)
    come from public tables and its values from the address, so one drawing serves every reader who asks for the
    same values; drawing the options of three selects through Django's widget templates costs more than the rest
    of a list page's template. The key holds a digest of the submitted values of the form's fields."""
    values = [(field, form.data.getlist(field) if hasattr(form.data, "getlist") else form.data.get(field))
              for field in form.fields] if form.is_bound else None
    digest = hashlib.sha256(repr(values).encode()).hexdigest()
    return cached(name, lambda: render_to_string(template_name, {"form": form}), template_name, digest)


def _statement_digest(queryset) -> str | None:
    """A digest of the statement that reads ``queryset`` and its parameters, or None when it must be read afresh
    (nothing to read, or a private table whose writes do not replace the token)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    if pagecache.reads_private_table(sql):
        return None
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def count(queryset) -> int:
    """``queryset.count()``, kept under the statement that counts it. A list page's "1–25 of 100,000" counted every
    matching row on every request (30–60 ms at 100,000 programs) although the number changes only with a write.
    The key is a digest of the SQL and its parameters, so two readers share it only when they ask the same
    question; a statement that reads a private table (whose writes do not replace the token) is counted afresh,
    and one that can match nothing (.none()) is counted by Django without a query."""
    digest = _statement_digest(queryset)
    # A list page then draws a slice of the same statement (rows_html): compiling it again costs as much as this.
    queryset._rial_statement_digest = digest
    if digest is None:
        return queryset.count()
    return cached("count", queryset.count, queryset.model._meta.label, digest)


def rows(queryset) -> list:
    """``list(queryset)`` — the records with what the queryset selects and prefetches with them — kept under the
    statement that reads them until the next write. Only for lists whose every row reads the same for every
    reader: a prefetch that depends on the reader (their own subscriptions, say) is not in the key."""
    digest = _statement_digest(queryset)
    if digest is None:
        return list(queryset)
    return cached("rows", lambda: list(queryset), queryset.model._meta.label, digest)


def rows_html(name: str, page, template_name: str) -> str:
    """A list page's rows drawn by ``template_name`` (given only ``page``), kept under the statement that reads
    them. Reading 25 records with their related lists and drawing their cards is most of a list page's work, and
    the same for every reader: the key is a digest of the page's own statement (filters, order, limit and
    offset) and its parameters, with the language. The template must show only what the records hold (no
    reader-specific link or form value). A statement that reads a private table is drawn afresh, as ``count``
    counts it afresh."""
    queryset = page.object_list
    draw = lambda: render_to_string(template_name, {"page": page})  # noqa: E731 - built only on a miss
    digest = _page_digest(page) if hasattr(queryset, "query") else None
    if digest is None:
        return draw()
    return cached(name, draw, template_name, digest)


_NOT_COUNTED = object()


def _page_digest(page) -> str | None:
    """The digest of a page's statement: the whole list's (kept by ``count`` when the paginator counted through
    it) with the page's slice, else the page's own statement compiled."""
    whole = page.paginator.object_list
    digest = getattr(whole, "_rial_statement_digest", _NOT_COUNTED)
    if digest is _NOT_COUNTED:
        return _statement_digest(page.object_list)
    if digest is None:
        return None
    query = page.object_list.query
    return f"{digest}:{query.low_mark}:{query.high_mark}"
