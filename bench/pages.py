"""The main pages and API lists at 1×, 10× and 100× the network's data, on SQLite and PostgreSQL.

    python -m bench pages                                   # both databases, scales 1, 10 and 100
    python -m bench pages --db sqlite --scales 1,10,100 --clients 20 --seconds 20
    python -m bench pages --db sqlite --scales 1 --seconds 10     # a short run on a busy machine

For each database and scale a child process builds a database of its own (SQLite in
var/bench/pages-<scale>x.sqlite3, PostgreSQL in BENCH_POSTGRES_URL + ``_<scale>x``, default
postgres://postgres@127.0.0.1:5432/rial_pages_bench_<scale>x; made again unless ``--reuse`` finds the one an
earlier run built at that scale — so the slow 100× build can run on a busy machine and the timing later on a
quiet one): migrations, the reference data and the demo (1×), then synthetic records marked BENCH up to the
scale's counts (SCALE_1 below, times the scale), written in bulk. It then measures:

- SQL queries per page, through Django's test client (must not grow with the scale);
- latency under load: a production application server (gunicorn, 2 workers, DEBUG off) on loopback, and
  ``--clients`` connections requesting the pages in turn for ``--seconds``: requests per second, p50/p95/p99,
  and any answer other than 200 counted as an error. Twice: with wrk (when installed; the figures the targets
  are read from, since its event loop costs the shared CPUs almost nothing) and with ``--clients`` Python
  threads (each page's own p50/p95; the threads cost the server several milliseconds of CPU per request).
  Then wrk again over SIGNED_IN_PAGES with the session cookie of a ministry's focal point (the demo's
  account), so the pages a participant works in are measured under the same load, with their queries counted;
  and wrk over PAGES once more while the generation token is replaced every second (``WRITE_EVERY_SECONDS``), as
  a committed write does: what the pages cost when the values kept until the next write are built again often.
  Each wrk run also reports how much of the machine's CPU time went unused (from /proc/stat): a server that leaves
  CPUs idle while clients wait shows there;

- the anonymous page cache: the same pages with the cache on (``X-Page-Cache`` hits counted), and one cached
  page against the same HTML served as a static file by nginx on loopback (a configuration of its own,
  started and stopped by the benchmark), and through the micro-cache of deploy/nginx/rial.conf (its
  ``proxy_cache_path`` and ``location /`` block, read from that file) in front of the same gunicorn: requests
  per second of each and their ratio. These three use wrk (Debian package ``wrk``) when present — a Python
  client cannot send requests as fast as nginx answers them — else the Python client;
- the first load of the public pages in headless Chromium (/usr/bin/chromium through Playwright), a fresh
  profile per page, phone and desktop viewports: bytes of HTML, CSS, JavaScript and images as the application
  server sends them and as gzip (which deploy/nginx/rial.conf turns on for text) would send them, Largest
  Contentful Paint and Cumulative Layout Shift from a PerformanceObserver.

The load generator shares the machine with the server (two cores here), so absolute figures are lower than
on a server; the ratios between scales and databases, and cached page against static file, are what compares
across machines.
"""

import argparse
import contextlib
import datetime
import gzip
import http.client
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC
from decimal import Decimal
from pathlib import Path

from bench.search import percentile

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/rial_pages_bench")
# Records at 1×: about what the network holds after a few years of use.
SCALE_1 = {"programs": 1_000, "documents": 2_000, "activities": 200, "ledger": 10_000, "mandates": 50}
PAGES = ["/en/", "/es/programs/", "/en/programs/?topic=youth-employment", "/en/library/", "/en/fund/",
         "/en/cooperation/", "/en/conference/", "/en/network/", "/en/countries/CL/",
         "/api/v1/programs", "/api/v1/documents", "/api/v1/fund/summary"]
# Signed in as a ministry's focal point (the demo's account): the pages a participant opens most, never served from
# the anonymous page cache.
SIGNED_IN_USER = "demo-focal-cl"
SIGNED_IN_PAGES = ["/en/desk/", "/en/", "/es/programs/", "/en/programs/?topic=youth-employment", "/en/library/",
                   "/en/cooperation/", "/en/countries/CL/", "/en/conference/"]
# The cached page compared with nginx serving the same HTML as a file, and the pages weighed in Chromium.
CACHED_PAGE = "/en/"
PUBLIC_PAGES = ["/en/", "/en/programs/", "/en/library/", "/en/fund/", "/en/network/", "/en/countries/CL/",
                "/en/conference/"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
CHROMIUM = "/usr/bin/chromium"
# wrk prints one JSON line at the end: requests, errors (non-2xx included), latency percentiles in µs.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format('WRK {"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration / 1e6, errors, latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
end
"""


def _sqlite_path(scale: int) -> Path:
    return BENCH_DIR / f"pages-{scale}x.sqlite3"


def _database_url(db: str, scale: int) -> str:
    """One database per database engine and scale: each scale's records are kept for ``--reuse``."""
    return f"sqlite:///{_sqlite_path(scale)}" if db == "sqlite" else f"{POSTGRES_URL}_{scale}x"


def _fresh_database(db: str, scale: int) -> None:
    if db == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{_sqlite_path(scale)}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    base, name = _database_url(db, scale).rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _generate(scale: int) -> dict:
    """Bulk-write synthetic records (titles start with BENCH) up to SCALE_1 × scale of each kind."""
    from rial.conference.models import Conference, ConferenceDocument, Mandate
    from rial.cooperation.models import Activity
    from rial.directory.models import Institution
    from rial.fund.models import Entry, LedgerSummary
    from rial.fund.summary import rebuild
    from rial.library.models import Document
    from rial.portfolio import sorting
    from rial.portfolio.models import Program

    rng = random.Random(2026)
    ministries = list(Institution.objects.ministries())
    today = datetime.date.today()
    targets = {kind: count * scale for kind, count in SCALE_1.items()}
    batch = 2_000

    def fill(model, have: int, want: int, make) -> None:
        for start in range(have, want, batch):
            model.objects.bulk_create([make(i) for i in range(start, min(want, start + batch))])

    fill(Program, Program.objects.count(), targets["programs"], lambda i: Program(
        ministry=rng.choice(ministries), name_en=f"BENCH program {i}", summary_en="Employment services for youth.",
        status=Program.Status.PUBLISHED, last_reviewed_at=today, start=datetime.date(2020, 1, 1), is_demo=True))
    sorting.refresh()  # bulk_create bypasses Program.save(), which copies the country's name for the list's order
    fill(Document, Document.objects.count(), targets["documents"], lambda i: Document(
        title_en=f"BENCH study {i}", summary_en="A study of labor inspection.", date=datetime.date(2015 + i % 10, 1, 1),
        status=Document.Status.PUBLISHED, is_demo=True))
    fill(Activity, Activity.objects.count(), targets["activities"], lambda i: Activity(
        first_party=rng.choice(ministries), second_party=rng.choice(ministries), title=f"BENCH visit {i}",
        year=2010 + i % 15, state=Activity.State.COMPLETED, is_demo=True))
    fill(Entry, Entry.objects.count(), targets["ledger"], lambda i: Entry(
        kind=Entry.Kind.CONTRIBUTION if i % 3 else Entry.Kind.EXPENDITURE, amount=Decimal("10.00"), currency="USD",
        usd_value=Decimal("10.00"), date=datetime.date(2010 + i % 16, 1 + i % 12, 1), description=f"BENCH {i}",
        category="" if i % 3 else "workshop", contributor=rng.choice(ministries) if i % 3 else None, is_demo=True))
    rebuild(Entry, LedgerSummary)  # bulk writes skip Entry.save(), which keeps the summary
    conference, _ = Conference.objects.get_or_create(number=99, defaults={"year": today.year, "city": "BENCH"})
    plan, _ = ConferenceDocument.objects.get_or_create(
        conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
        defaults={"title": "BENCH Plan of Action", "status": ConferenceDocument.Status.ADOPTED})
    fill(Mandate, Mandate.objects.count(), targets["mandates"], lambda i: Mandate(
        plan=plan, text_en=f"BENCH mandate {i}", position=i, label=str(i),
        status=rng.choice(Mandate.Status.values), due_date=today + datetime.timedelta(days=i % 400 - 200)))
    return _counts()


def _analyze() -> None:
    """Table statistics for the planner, as a database that grew over years has them: PostgreSQL's autovacuum
    may not have reached the bulk-written tables yet, and SQLite keeps none until ANALYZE (without them it
    planned the document list's topic prefetch through the wrong index: 33 ms instead of 1 ms at 10×)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _counts() -> dict[str, int]:
    from rial.conference.models import Mandate
    from rial.cooperation.models import Activity
    from rial.fund.models import Entry
    from rial.library.models import Document
    from rial.portfolio.models import Program

    return {kind: model.objects.count() for kind, model in (
        ("programs", Program), ("documents", Document), ("activities", Activity), ("ledger", Entry),
        ("mandates", Mandate))}


def _queries_per_page(client=None, pages: list[str] = PAGES) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = client or Client(), {}
    for page in pages:
        client.get(page)  # warm caches that are meant to be warm (facet names, catalogs)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(page).status_code
        counts[page] = len(queries.captured_queries) if status == 200 else -status
    return counts


def _signed_in_client():
    """A client signed in as SIGNED_IN_USER; its session is in the database, so gunicorn accepts its cookie too."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=SIGNED_IN_USER))
    return client


# Requests the given addresses in turn (each wrk thread has its own counter): the uncached load over every page.
WRK_ROTATE = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""
# A signed-in reader's requests carry the session cookie.
WRK_COOKIE = """
wrk.headers["Cookie"] = %s
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load(port: int, clients: int, seconds: float, pages: list[str] = PAGES) -> dict:
    samples: dict[str, list[float]] = {page: [] for page in pages}
    errors: list[str] = []
    hits = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        while time.monotonic() < stop:
            page = pages[i % len(pages)]
            i += 1
            began = time.perf_counter()
            hit = False
            try:
                connection.request("GET", page, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                status = response.status
                hit = response.getheader("X-Page-Cache") == "hit"
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                hits[0] += hit
                if status == 200:
                    samples[page].append(elapsed)
                else:
                    errors.append(f"{page}: {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [value for values in samples.values() for value in values]
    return {"requests": len(every) + len(errors), "errors": len(errors), "error_examples": errors[:5],
            "rps": round((len(every) + len(errors)) / seconds, 1), "cache_hits": hits[0],
            "all": {"p50": percentile(every, 50), "p95": percentile(every, 95), "p99": percentile(every, 99)}
            if every else {},
            "pages": {page: {"p50": round(percentile(v, 50), 1), "p95": round(percentile(v, 95), 1), "n": len(v)}
                      for page, v in samples.items() if v}}


def _wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers on port {port}")


@contextlib.contextmanager
def _gunicorn(db: str, *, page_cache: bool):
    """gunicorn (2 workers × 4 threads, the deployment's worker class, DEBUG off) on a free loopback port, with the
    page cache on or off."""
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if gunicorn is None:
        raise RuntimeError("gunicorn is not installed: no production application server to measure")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"], "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1",
           "RIAL_PAGE_CACHE": "1" if page_cache else "0"}
    command = [gunicorn, "rial.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
               "--worker-class", "rial.core.gunicorn_worker.BalancedThreadWorker", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (our own server)
    try:
        _wait_for(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


# While the pages are measured "with writes", the generation token is replaced this often, as a committed write to
# a public table replaces it: every kept value (maps, figures, list rows, page parts) is built again on its next
# request in each server process. Far more often than the network writes, so it bounds what the kept values save.
WRITE_EVERY_SECONDS = 1.0


@contextlib.contextmanager
def _writing(every: float):
    from rial.core import pagecache

    stop = threading.Event()

    def replace_the_token() -> None:
        while not stop.wait(every):
            pagecache.changed()

    thread = threading.Thread(target=replace_the_token, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _serve_and_load(db: str, clients: int, seconds: float, *, page_cache: bool, cookie: str = "") -> dict:
    """The pages in turn under ``clients`` connections. With wrk installed, its figures are the ones reported: the
    Python client threads share the two CPUs with the server (several milliseconds of CPU per request), wrk's event
    loop in C hardly any. The Python client then runs as well, for each page's own p50/p95."""
    try:
        with _gunicorn(db, page_cache=page_cache) as port:
            _load(port, 2, 3)  # warm every worker (and, with the cache on, fill it)
            measured = _load(port, clients, seconds)
            measured["wrk"] = _wrk(f"http://127.0.0.1:{port}", clients, seconds, paths=PAGES)
            if cookie:  # the same clients signed in, over the signed-in pages: the first run, then again
                # The first run builds each process's kept values for these pages (roles, desks, the maps the
                # public run did not draw); the second shows the steady state. Both are reported.
                measured["signed_in_first_wrk"] = _wrk(f"http://127.0.0.1:{port}", clients, seconds,
                                                       paths=SIGNED_IN_PAGES, cookie=cookie)
                measured["signed_in_wrk"] = _wrk(f"http://127.0.0.1:{port}", clients, seconds, paths=SIGNED_IN_PAGES,
                                                 cookie=cookie)
            if not page_cache:  # the same pages while kept values are thrown away every WRITE_EVERY_SECONDS
                with _writing(WRITE_EVERY_SECONDS):
                    measured["writes_wrk"] = _wrk(f"http://127.0.0.1:{port}", clients, seconds, paths=PAGES)
            return measured
    except RuntimeError as error:
        return {"skipped": str(error)}


def _wrk(url: str, clients: int, seconds: float, paths: list[str] | None = None, cookie: str = "") -> dict | None:
    """wrk on one address, or on ``paths`` of ``url`` in turn; with ``cookie``, every request carries it."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if paths:
            script.write(WRK_ROTATE % ", ".join(json.dumps(path) for path in paths))
        if cookie:
            script.write(WRK_COOKIE % json.dumps(cookie))
        script.write(WRK_SCRIPT)
    try:
        before = _cpu_times()
        run = subprocess.run([wrk, "-t", "2", "-c", str(clients), "-d", f"{seconds:g}s", "--timeout", "10s",  # noqa: S603
                              "-s", script.name, url], capture_output=True, text=True, timeout=seconds + 60)
        idle = _idle_percent(before, _cpu_times())
    finally:
        Path(script.name).unlink()
    line = next((row for row in run.stdout.splitlines() if row.startswith("WRK ")), None)
    if line is None:
        return {"failed": run.stdout[-500:] + run.stderr[-500:]}
    data = json.loads(line.removeprefix("WRK "))
    return {"tool": "wrk", "rps": round(data["requests"] / data["seconds"], 1), "errors": data["errors"],
            "p50": data["p50"] / 1000, "p95": data["p95"] / 1000, "p99": data["p99"] / 1000, "cpu_idle": idle}


def _cpu_times() -> tuple[int, int] | None:
    """The machine's (total, idle + iowait) CPU time so far, from /proc/stat (None where there is none)."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(fields), fields[3] + fields[4]


def _idle_percent(before, after) -> float | None:
    """How much of the machine's CPU time went unused during a run: a server that leaves CPUs idle while clients
    wait (connections piled on one process, say) shows here, not in requests per second alone."""
    if before is None or after is None or after[0] == before[0]:
        return None
    return round(100 * (after[1] - before[1]) / (after[0] - before[0]), 1)


def _drive(port: int, path: str, clients: int, seconds: float) -> dict:
    """One address under load: wrk when installed, else the Python client."""
    measured = _wrk(f"http://127.0.0.1:{port}{path}", clients, seconds)
    if measured is not None:
        return measured
    load = _load(port, clients, seconds, pages=[path])
    return {"tool": "python", "rps": load["rps"], "errors": load["errors"], **load.get("all", {})}


def _micro_cache_config(upstream_port: int, port: int, cache_dir: Path) -> str:
    """The anonymous micro-cache exactly as deploy/nginx/rial.conf documents it, in front of our gunicorn."""
    text = (ROOT / "deploy" / "nginx" / "rial.conf").read_text()
    cache_path = next(line for line in text.splitlines() if line.startswith("proxy_cache_path "))
    location = re.search(r"\n    location / \{\n(.*?)\n    \}\n", text, re.S).group(1)
    location = location.replace("/etc/nginx/snippets/rial-proxy.conf", str(ROOT / "deploy" / "nginx" / "rial-proxy.conf"))
    return (cache_path.replace("/var/cache/nginx/rial", str(cache_dir)) + "\n"
            f"upstream rial_app {{ server 127.0.0.1:{upstream_port}; keepalive 16; }}\n"
            f"server {{ listen 127.0.0.1:{port}; location / {{\n{location}\n}} }}\n")


@contextlib.contextmanager
def _nginx(servers: str, workdir: Path):
    """nginx with a configuration of its own (no system file read or written), in the foreground."""
    for name in ("logs", "temp"):
        (workdir / name).mkdir(exist_ok=True)
    config = workdir / "nginx.conf"
    config.write_text(f"""
daemon off;
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {workdir}/temp/body;
    proxy_temp_path {workdir}/temp/proxy;
    fastcgi_temp_path {workdir}/temp/fastcgi;
    uwsgi_temp_path {workdir}/temp/uwsgi;
    scgi_temp_path {workdir}/temp/scgi;
{servers}
}}
""")
    server = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(config)])  # noqa: S603 (our own server)
    try:
        yield server  # its process, whose CPU bench/page_hit.py counts
    finally:
        server.terminate()
        server.wait(timeout=30)


def _cached_against_static(db: str, clients: int, seconds: float) -> dict:
    """The cached page through gunicorn, the same bytes from nginx as a file, and through nginx's micro-cache."""
    if NGINX is None:
        return {"skipped": "nginx is not installed (Debian: apt-get install nginx-light)"}
    with _gunicorn(db, page_cache=True) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(3):  # each worker process keeps its own copy: ask until one answers from it
            connection.request("GET", CACHED_PAGE, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            html = response.read()
        with tempfile.TemporaryDirectory(prefix="rial-bench-nginx-") as folder:
            workdir = Path(folder)
            os.chmod(workdir, 0o755)  # noqa: S103 — nginx's workers may run as another user
            page = workdir / "static" / CACHED_PAGE.strip("/") / "index.html"
            page.parent.mkdir(parents=True)
            page.write_bytes(html)
            for path in (page.parent, page.parent.parent):
                os.chmod(path, 0o755)  # noqa: S103 — read by nginx's workers
            os.chmod(page, 0o644)
            cache_dir = workdir / "cache"
            cache_dir.mkdir()
            os.chmod(cache_dir, 0o777)  # noqa: S103 — written by nginx's workers
            static_port, micro_port = _free_port(), _free_port()
            servers = (f"server {{ listen 127.0.0.1:{static_port}; root {workdir}/static; index index.html; }}\n"
                       + _micro_cache_config(port, micro_port, cache_dir))
            with _nginx(servers, workdir):
                _wait_for(static_port)
                _wait_for(micro_port)
                _drive(port, CACHED_PAGE, 2, 2)  # fill every worker's cache
                _drive(micro_port, CACHED_PAGE, 2, 2)
                app = _drive(port, CACHED_PAGE, clients, seconds)
                static = _drive(static_port, CACHED_PAGE, clients, seconds)
                micro = _drive(micro_port, CACHED_PAGE, clients, seconds)
    result = {"page": CACHED_PAGE, "bytes": len(html), "app": app, "static": static, "micro_cache": micro}
    if static.get("rps"):
        result["app_ratio"] = round(app.get("rps", 0) / static["rps"], 3)
        result["micro_ratio"] = round(micro.get("rps", 0) / static["rps"], 3)
    return result


def _first_load(db: str) -> dict:
    """Each public page opened in a fresh Chromium profile: bytes by kind, LCP and CLS."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright is not installed"}
    if not Path(CHROMIUM).exists():
        return {"skipped": f"{CHROMIUM} is absent"}
    observe = """() => new Promise(resolve => {
        let lcp = 0, cls = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
            .observe({type: 'largest-contentful-paint', buffered: true});
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
            .observe({type: 'layout-shift', buffered: true});
        setTimeout(() => resolve({lcp, cls}), 1000);
    })"""
    results: dict = {}
    with _gunicorn(db, page_cache=True) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            for viewport_name, viewport in VIEWPORTS.items():
                for path in PUBLIC_PAGES:
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    loaded: list = []
                    page.on("response", lambda response, loaded=loaded: loaded.append(response))
                    page.goto(f"http://127.0.0.1:{port}{path}", wait_until="load")
                    vitals = page.evaluate(observe)
                    kinds: dict[str, list[int]] = {}
                    for response in loaded:
                        try:
                            body = response.body()
                        except PlaywrightError:  # noqa: S112 — a redirect or an aborted load has no body
                            continue
                        kind = response.request.resource_type
                        compressible = kind in ("document", "stylesheet", "script") or response.url.endswith(".svg")
                        sizes = kinds.setdefault(kind, [0, 0])
                        sizes[0] += len(body)
                        sizes[1] += len(gzip.compress(body, 6)) if compressible else len(body)
                    results.setdefault(path, {})[viewport_name] = {
                        "lcp_ms": round(vitals["lcp"]), "cls": round(vitals["cls"], 4),
                        "bytes": sum(raw for raw, _gz in kinds.values()),
                        "gzip_bytes": sum(gz for _raw, gz in kinds.values()),
                        "by_kind": {kind: raw for kind, (raw, _gz) in kinds.items()},
                        "requests": len(loaded)}
                    context.close()
        finally:
            browser.close()
    return results


def _marker(db: str, scale: int) -> Path:
    return BENCH_DIR / f"pages-{db}-{scale}x.json"


def child(db: str, scale: int, clients: int, seconds: float, reuse: bool = False) -> int:
    marker = _marker(db, scale)
    reuse = reuse and marker.exists() and json.loads(marker.read_text()).get("scale") == scale
    if not reuse:
        marker.unlink(missing_ok=True)
        _fresh_database(db, scale)
    os.environ["DATABASE_URL"] = _database_url(db, scale)
    os.environ["DEBUG"] = "0"
    os.environ["RIAL_PAGE_CACHE"] = "0"  # queries are counted on the second visit: it must run the view
    # A token of this database's own: the machine's shared one is replaced by any other process's writes (another
    # benchmark building its records), which would throw away the kept values of the pages measured here.
    os.environ["RIAL_PAGE_GENERATION_FILE"] = str(BENCH_DIR / f"pages-{db}-{scale}x.generation")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
    import django

    django.setup()
    from django.core.management import call_command

    began = time.monotonic()
    if reuse:  # the records a previous run built at this scale (migrated to the code being measured)
        call_command("migrate", verbosity=0)
        counts = _counts()
    else:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        counts = _generate(scale)
        _analyze()
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({"scale": scale}))
    prepared = round(time.monotonic() - began, 1)
    from django.conf import settings

    signed_in = _signed_in_client()
    result = {"db": db, "scale": scale, "records": counts, "prepare_seconds": prepared,
              "queries": _queries_per_page(), "signed_in_queries": _queries_per_page(signed_in, SIGNED_IN_PAGES)}
    cookie = f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"
    from django.db import connections

    connections.close_all()
    result["load"] = _serve_and_load(db, clients, seconds, page_cache=False, cookie=cookie)
    result["cached_load"] = _serve_and_load(db, clients, seconds, page_cache=True)
    result["cached_against_static"] = _cached_against_static(db, clients, seconds)
    try:
        result["first_load"] = _first_load(db)
    except Exception as error:  # noqa: BLE001 — report it with the figures already measured
        result["first_load"] = {"skipped": f"failed: {error!r}"}
    print("RESULT " + json.dumps(result))
    return 0


def _print_static(compared: dict) -> None:
    if not compared:
        return
    if "skipped" in compared:
        print(f"cached page against nginx: {compared['skipped']}")
        return

    def row(name: str, figures: dict) -> str:
        if "failed" in figures:
            return f"  {name:34} failed: {figures['failed'][:200]}"
        return (f"  {name:34} {figures['rps']:>9} req/s  p50 {figures.get('p50', 0):6.1f} ms  "
                f"p95 {figures.get('p95', 0):6.1f} ms  errors {figures['errors']}  ({figures['tool']})")

    print(f"cached page {compared['page']} ({compared['bytes']:,} bytes) against the same HTML from nginx:")
    print(row("gunicorn, page cache", compared["app"]))
    print(row("nginx, static file", compared["static"]))
    print(row("nginx micro-cache (deploy/nginx)", compared["micro_cache"]))
    if "app_ratio" in compared:
        print(f"  ratio to the static file: application server {compared['app_ratio']:.2f}, "
              f"micro-cache {compared['micro_ratio']:.2f}")


def _print_wrk(name: str, figures: dict | None) -> None:
    if figures is None:
        print(f"{name}: wrk is not installed (Debian package wrk)")
    elif "failed" in figures:
        print(f"{name}: failed: {figures['failed'][:300]}")
    else:
        print(f"{name}: {figures['rps']} requests/s, {figures['errors']} errors; all pages p50 {figures['p50']:.0f} ms, "
              f"p95 {figures['p95']:.0f} ms, p99 {figures['p99']:.0f} ms"
              + (f"; CPUs {figures['cpu_idle']:.0f} % idle" if figures.get("cpu_idle") is not None else ""))


def _print_first_load(pages: dict) -> None:
    if not pages:
        return
    if "skipped" in pages:
        print(f"first load: {pages['skipped']}")
        return
    print(f"first load in Chromium (fresh profile): {'page':24} {'viewport':8} {'KB sent':>8} {'KB gzip':>8} "
          f"{'LCP ms':>7} {'CLS':>6}")
    for path, viewports in pages.items():
        for name, figures in viewports.items():
            print(f"{'':39} {path:24} {name:8} {figures['bytes'] / 1024:8.1f} {figures['gzip_bytes'] / 1024:8.1f} "
                  f"{figures['lcp_ms']:>7} {figures['cls']:>6}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pages")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the databases earlier runs built at these scales (time only)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.db, int(args.scales), args.clients, args.seconds, args.reuse)
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = []
    for db in dbs:
        for scale in (int(s) for s in args.scales.split(",")):
            command = [sys.executable, "-m", "bench", "pages", "--child", "--db", db, "--scales", str(scale),
                       "--clients", str(args.clients), "--seconds", str(args.seconds), *(["--reuse"] if args.reuse else [])]
            run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603 (our own module)
            line = next((row for row in run.stdout.splitlines() if row.startswith("RESULT ")), None)
            if line is None:
                print(run.stdout[-2000:], run.stderr[-4000:], file=sys.stderr)
                return 1
            results.append(json.loads(line.removeprefix("RESULT ")))
    print(f"# pages: {datetime.datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {args.clients} clients × {args.seconds:g} s")
    for result in results:
        load = result["load"]
        print(f"\n## {result['db']} at {result['scale']}× — records {result['records']}, "
              f"prepared in {result['prepare_seconds']} s")
        if "skipped" in load:
            print(f"latency: {load['skipped']}")
        else:
            _print_wrk("uncached, wrk", load.get("wrk"))
            if "signed_in_first_wrk" in load:
                _print_wrk(f"signed in ({SIGNED_IN_USER}), first run, wrk", load["signed_in_first_wrk"])
            if "signed_in_wrk" in load:
                _print_wrk(f"signed in ({SIGNED_IN_USER}), wrk", load["signed_in_wrk"])
            if "writes_wrk" in load:
                _print_wrk(f"uncached, a write every {WRITE_EVERY_SECONDS:g} s, wrk", load["writes_wrk"])
            print(f"uncached, Python client: {load['rps']} requests/s, {load['errors']} errors; all pages p50 "
                  f"{load['all']['p50']:.0f} ms, p95 {load['all']['p95']:.0f} ms, p99 {load['all']['p99']:.0f} ms")
        cached = result.get("cached_load", {})
        if cached and "skipped" not in cached:
            _print_wrk("page cache on, wrk", cached.get("wrk"))
            print(f"page cache on, Python client: {cached['rps']} requests/s, {cached['errors']} errors, "
                  f"{cached['cache_hits']} of {cached['requests']} answered from the cache; "
                  f"p50 {cached['all']['p50']:.0f} ms, p95 {cached['all']['p95']:.0f} ms, p99 {cached['all']['p99']:.0f} ms")
        print(f"{'page':45} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'cached p95':>10}")
        for page in PAGES:
            timing = load.get("pages", {}).get(page, {})
            warm = cached.get("pages", {}).get(page, {}) if cached else {}
            print(f"{page:45} {result['queries'][page]:>7} {timing.get('p50', '-'):>8} {timing.get('p95', '-'):>8} "
                  f"{warm.get('p95', '-'):>10}")
        for page, count in result.get("signed_in_queries", {}).items():
            print(f"{page + ' (signed in)':45} {count:>7}")
        _print_static(result.get("cached_against_static", {}))
        _print_first_load(result.get("first_load", {}))
    by_db: dict[str, list] = {}
    for result in results:
        by_db.setdefault(result["db"], []).append(result)
    for db, runs in by_db.items():
        if len(runs) > 1:
            first, last = runs[0], runs[-1]
            grew = [page for page in PAGES if last["queries"][page] != first["queries"][page]]
            grew += [f"{page} (signed in)" for page, count in last.get("signed_in_queries", {}).items()
                     if first.get("signed_in_queries", {}).get(page, count) != count]
            print(f"\n{db}: queries per page {'constant' if not grew else 'GROW on ' + ', '.join(grew)} "
                  f"from {first['scale']}× to {last['scale']}×")
            if "all" in first["load"] and "all" in last["load"] and first["load"]["all"]:
                print(f"{db}: p95 {last['scale']}×/{first['scale']}× = "
                      f"{last['load']['all']['p95'] / first['load']['all']['p95']:.2f} (Python client)")
            if all((run["load"].get("wrk") or {}).get("p95") for run in (first, last)):
                print(f"{db}: p95 {last['scale']}×/{first['scale']}× = "
                      f"{last['load']['wrk']['p95'] / first['load']['wrk']['p95']:.2f} (wrk)")
            if all((run["load"].get("signed_in_wrk") or {}).get("p95") for run in (first, last)):
                print(f"{db}: p95 signed in {last['scale']}×/{first['scale']}× = "
                      f"{last['load']['signed_in_wrk']['p95'] / first['load']['signed_in_wrk']['p95']:.2f} (wrk)")
    return 0
