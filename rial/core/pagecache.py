"""Anonymous pages served from a cache that is never stale after a change.

A visitor who is not signed in gets the page stored for the same address (host, path and query string),
language, day and *generation*. The generation is one site-wide token: every database write that commits
(whatever wrote it — a workflow function, a form, the admin, an importer, a loader, a bulk update or raw
SQL) replaces it, so the next anonymous request misses and renders the page again from the committed
records. Nothing has to remember which page shows which record, so no page can be forgotten.

Why it is correct:
- The token is read when a request starts and the page is stored under that token. A write that commits
  while the page is being rendered replaces the token after its commit (``transaction.on_commit``); a page
  rendered from the records before the commit is stored under the old token, which no later request reads.
- The token is random, never a counter: if the store loses it (evicted, restarted), a fresh one is made
  and no old page can be read again.
- Writes are seen at the database driver (a connection's ``execute_wrappers``), below the ORM, so
  ``QuerySet.update()``, ``bulk_create`` and raw SQL count like ``save()``. Tables that no public page
  shows (sessions, login attempts, the task queue, notifications, newsletter deliveries, one-time-password
  devices, the admin's log, a user's last login) do not change the token.

A HEAD is answered from the cache like a GET (the same headers, no body) but never stored. In production a hit
does not even reach Django's handler: ``serve_stored_pages`` wraps the WSGI application (rial/wsgi.py) and
answers it with the same rule and key as the middleware, which stays for every other way in (the test client,
``runserver``) and stores the pages.

What is never stored: any method but GET; a request with a session cookie (signed in, or signed out with a
session), a messages cookie, an API token or an htmx header; an answer other than 200, a streamed file, an
answer that sets a cookie or carries a CSRF token (a form was shown), one larger than a megabyte,
``Cache-Control: private`` or ``no-store``, a Content-Security-Policy with a nonce (a nonce must not be reused
across responses), or a ``Vary`` on a header the key does not hold. The stored answer keeps every header the
middlewares set, so a page and its Content-Security-Policy always travel together.

The pages live in the ``pages`` cache and the token in the ``page_generation`` cache when ``REDIS_URL`` is set
(settings.py); otherwise the pages are in each process's memory and the token in ``RIAL_PAGE_GENERATION_FILE``,
a file that every process of the machine reads (one stat() per request, the file read only when it changed). It is on when DEBUG is off, and ``RIAL_PAGE_CACHE=0|1`` decides otherwise;
``RIAL_PAGE_CACHE_SECONDS`` bounds how long a page is kept (pages that change with the clock alone, such as
"upcoming", are at most that old; the key also holds the date). The code's release is part of the key, so a
deployment never serves pages rendered by the previous code.
"""

import functools
import hashlib
import logging
import os
import re
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import connections, transaction
from django.utils import timezone, translation

logger = logging.getLogger("rial.pagecache")
GENERATION_KEY = "rial:pagecache:generation"
# Tables whose rows no public page shows: writing them leaves the cached pages valid.
PRIVATE_TABLES = (
    "django_session", "django_admin_log", "django_tasks_database_", "axes_", "otp_", "notifications_",
    "newsletter_delivery", "newsletter_bounce", "accounts_apitoken",
    "forums_subscription",  # who follows what and how far they read: shown to that person only, never kept
)
WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
# Signing in records the time of the login: that changes no public page.
LAST_LOGIN = re.compile(r'^\s*UPDATE\s+"accounts_user"\s+SET\s+"last_login"\s*=\s*%s\s+WHERE', re.IGNORECASE)
# Response headers a stored page may vary on: the key holds the language, and a request with a session
# cookie is never served from the cache.
KEYED_VARY = {"cookie", "accept-language", "accept-encoding"}
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Larger answers (spreadsheet exports, say) are rendered each time rather than held in every process's memory.
MAX_BYTES = 1024 * 1024


def enabled() -> bool:
    return getattr(settings, "RIAL_PAGE_CACHE", True)


def _generation_file() -> str | None:
    return getattr(settings, "RIAL_PAGE_GENERATION_FILE", None) or None


# This process's copy of the token file: (device, inode, modification time, size) → token. Each change writes a
# new file and renames it over the old one, so a changed token always has a new inode: one stat() per request
# tells whether the copy is current, and the copy is never older than the file that stat() saw.
_read: dict[tuple, str] = {}


def generation() -> str:
    path = _generation_file()
    if path is None:
        store = caches["page_generation"]
        token = store.get(GENERATION_KEY)
        if token is None:
            store.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            token = store.get(GENERATION_KEY) or ""
        return token
    try:
        status = os.stat(path)
    except FileNotFoundError:
        changed()
        status = os.stat(path)
    stamp = (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)
    token = _read.get(stamp)
    if token is None:
        token = Path(path).read_text()
        _read.clear()
        _read[stamp] = token
    return token


def changed() -> None:
    """Every cached page is out of date from now on (called after each committed write)."""
    token = uuid.uuid4().hex
    path = _generation_file()
    if path is None:
        caches["page_generation"].set(GENERATION_KEY, token, timeout=None)
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".generation-")
    with os.fdopen(fd, "w") as file:
        file.write(token)
    # Readable by every process of the platform, whichever account wrote it (a command run as another user).
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


_day: dict[int, str] = {}


def _today() -> str:
    """The site's date, worked out once a minute (the key holds it; pages also expire on their own)."""
    minute = int(time.time() // 60)
    day = _day.get(minute)
    if day is None:
        day = timezone.localdate().isoformat()
        _day.clear()
        _day[minute] = day
    return day


def reads_private_table(sql: str) -> bool:
    """Whether a statement names a private table (one whose writes do not replace the generation token)."""
    return any(f'"{prefix}' in sql or f" {prefix}" in sql for prefix in PRIVATE_TABLES)


def _write_changes_public_page(sql: str) -> bool:
    match = WRITE.match(sql)
    if match is None:
        return False
    table = match.group(1).lower()
    if table.startswith(PRIVATE_TABLES):
        return False
    return not (table == "accounts_user" and LAST_LOGIN.match(sql))


def change_pending(connection) -> bool:
    """Whether this transaction already holds a ``changed`` to run when it commits (one is enough: a
    rolled-back savepoint drops its callbacks, and any write still here is inside one that survives)."""
    return connection.in_atomic_block and any(item[1] is changed for item in connection.run_on_commit)


def watch_writes(execute, sql, params, many, context):
    """A connection's execute wrapper: after a write to a public table, change the generation on commit."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _write_changes_public_page(sql):
        connection = context["connection"]
        if not change_pending(connection):
            transaction.on_commit(changed, using=connection.alias)
    return result


def install(sender=None, connection=None, **kwargs) -> None:
    """Receiver of ``connection_created`` (and called once at start for connections already open)."""
    targets = [connection] if connection is not None else list(connections.all(initialized_only=True))
    for target in targets:
        if watch_writes not in target.execute_wrappers:
            target.execute_wrappers.insert(0, watch_writes)


@functools.cache
def release() -> str:
    """The code's version: RIAL_RELEASE, or a digest of the modification times of the code, templates and
    catalogs (computed once per process; the same for every process of one deployment)."""
    if os.environ.get("RIAL_RELEASE"):
        return os.environ["RIAL_RELEASE"]
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".html", ".mo", ".txt", ".json"} and "tests" not in path.parts:
            digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _bypass(request) -> bool:
    """Whether the request must not be answered from the cache (a HEAD may read it; only a GET stores)."""
    return (request.method not in ("GET", "HEAD") or any(name in request.COOKIES for name in BYPASS_COOKIES)
            or "HTTP_AUTHORIZATION" in request.META or "HTTP_HX_REQUEST" in request.META)


def _key(request, token: str) -> str:
    language = translation.get_language_from_request(request, check_path=True)
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"rial:page:{release()}:{token}:{language}:{_today()}:{address}"


def _cache_key(request) -> str | None:
    """The key of this request's stored page, or None when the request must not use the cache."""
    if not enabled() or _bypass(request):
        return None
    try:
        return _key(request, generation())
    except DisallowedHost:  # let Django answer a bad Host header as usual
        return None
    except OSError:  # the token cannot be read: answer without the cache rather than fail
        logger.exception("page cache: cannot read the generation token")
        return None


def _stored(key: str):
    """The page stored under ``key``, marked as a hit, or None."""
    response = caches["pages"].get(key)
    if response is not None:
        response["X-Page-Cache"] = "hit"
    return response


def _storable(request, response) -> bool:
    # A HEAD may be answered from the cache, but only a GET's answer is stored: a view may answer a HEAD
    # without its body.
    if request.method != "GET":
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.status_code != 200 or response.streaming or response.cookies or len(response.content) > MAX_BYTES:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= KEYED_VARY


class AnonymousPageCacheMiddleware:
    """First in MIDDLEWARE: a stored page is answered before any other middleware runs (no session, no
    database), with the headers the other middlewares gave it when it was rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _cache_key(request)
        if key is None:
            return self.get_response(request)
        response = _stored(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if _storable(request, response):
            response["X-Page-Cache"] = "miss"
            caches["pages"].set(key, response, timeout=getattr(settings, "RIAL_PAGE_CACHE_SECONDS", 300))
        return response


def serve_stored_pages(application):
    """Wrap the WSGI application (rial/wsgi.py): a request the middleware would answer from the cache is
    answered here, before Django's handler builds its request, sends ``request_started`` and
    ``request_finished`` and runs the middleware chain — on a stored page those cost most of a hit's time.

    The rule and the key are the middleware's own (``_cache_key``, ``_stored``), so both answer the same
    requests with the same stored page: status, every header (the security headers, ``X-Page-Cache: hit``)
    and body, as Django's ``WSGIHandler`` would write them. A stored page never sets a cookie (``_storable``),
    so its headers are exactly ``response.items()``. Conditional headers (``If-None-Match``,
    ``If-Modified-Since``) are not looked at, as the middleware does not look at them either: a hit is the
    stored 200. Everything else (other methods, a miss, a request that must not use the cache) goes to
    ``application`` untouched."""

    def pages(environ, start_response):
        # Other methods never read the cache: they reach Django without building anything here.
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return application(environ, start_response)
        try:
            key = _cache_key(WSGIRequest(environ))
            response = _stored(key) if key is not None else None
        except Exception:  # noqa: BLE001 - a store that fails here fails again in the middleware, which Django handles
            response = None
        if response is None:
            return application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        # HEAD: the same headers (Content-Length included, as the server sends them for a HEAD), no body.
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.content]

    return pages
