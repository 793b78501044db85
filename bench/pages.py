"""The main pages and API lists at 1×, 10× and 100× the network's data, on SQLite and PostgreSQL.

    python -m bench pages                                   # both databases, scales 1 and 10
    python -m bench pages --db sqlite --scales 1,10,100 --clients 20 --seconds 20

For each database and scale a child process builds a database of its own (SQLite in var/bench/pages.sqlite3,
PostgreSQL in BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/rial_pages_bench; both made
again): migrations, the reference data and the demo (1×), then synthetic records marked BENCH up to the
scale's counts (SCALE_1 below, times the scale), written in bulk. It then measures:

- SQL queries per page, through Django's test client (must not grow with the scale);
- latency under load: a production application server (gunicorn, 2 workers, DEBUG off) on loopback, and
  ``--clients`` threads requesting the pages in turn for ``--seconds``: requests per second, p50/p95/p99,
  and any answer other than 200 counted as an error.

The load generator shares the machine with the server (two cores here), so absolute figures are lower than
on a server; the ratios between scales and databases are what compares across machines.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC
from decimal import Decimal
from pathlib import Path

from bench.search import percentile

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "pages.sqlite3"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/rial_pages_bench")
# Records at 1×: about what the network holds after a few years of use.
SCALE_1 = {"programs": 1_000, "documents": 2_000, "activities": 200, "ledger": 10_000, "mandates": 50}
PAGES = ["/en/", "/es/programs/", "/en/programs/?topic=youth-employment", "/en/library/", "/en/fund/",
         "/en/cooperation/", "/en/conference/", "/en/network/", "/en/countries/CL/",
         "/api/v1/programs", "/api/v1/documents", "/api/v1/fund/summary"]


def _database_url(db: str) -> str:
    return f"sqlite:///{SQLITE_PATH}" if db == "sqlite" else POSTGRES_URL


def _fresh_database(db: str) -> None:
    if db == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    base, name = POSTGRES_URL.rsplit("/", 1)
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
    return {kind: model.objects.count() for kind, model in (
        ("programs", Program), ("documents", Document), ("activities", Activity), ("ledger", Entry),
        ("mandates", Mandate))}


def _queries_per_page() -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    for page in PAGES:
        client.get(page)  # warm caches that are meant to be warm (facet names, catalogs)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(page).status_code
        counts[page] = len(queries.captured_queries) if status == 200 else -status
    return counts


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load(port: int, clients: int, seconds: float) -> dict:
    samples: dict[str, list[float]] = {page: [] for page in PAGES}
    errors: list[str] = []
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        while time.monotonic() < stop:
            page = PAGES[i % len(PAGES)]
            i += 1
            began = time.perf_counter()
            try:
                connection.request("GET", page, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
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
            "rps": round((len(every) + len(errors)) / seconds, 1),
            "all": {"p50": percentile(every, 50), "p95": percentile(every, 95), "p99": percentile(every, 99)}
            if every else {},
            "pages": {page: {"p50": round(percentile(v, 50), 1), "p95": round(percentile(v, 95), 1), "n": len(v)}
                      for page, v in samples.items() if v}}


def _serve_and_load(db: str, clients: int, seconds: float) -> dict:
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if gunicorn is None:
        return {"skipped": "gunicorn is not installed: no production application server to measure"}
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": _database_url(db), "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1"}
    command = [gunicorn, "rial.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
               "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (our own server)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.3)
        _load(port, 2, 3)  # warm every worker
        return _load(port, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def child(db: str, scale: int, clients: int, seconds: float) -> int:
    _fresh_database(db)
    os.environ["DATABASE_URL"] = _database_url(db)
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
    import django

    django.setup()
    from django.core.management import call_command

    began = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    counts = _generate(scale)
    prepared = round(time.monotonic() - began, 1)
    result = {"db": db, "scale": scale, "records": counts, "prepare_seconds": prepared,
              "queries": _queries_per_page()}
    from django.db import connections

    connections.close_all()
    result["load"] = _serve_and_load(db, clients, seconds)
    print("RESULT " + json.dumps(result))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pages")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.db, int(args.scales), args.clients, args.seconds)
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = []
    for db in dbs:
        for scale in (int(s) for s in args.scales.split(",")):
            command = [sys.executable, "-m", "bench", "pages", "--child", "--db", db, "--scales", str(scale),
                       "--clients", str(args.clients), "--seconds", str(args.seconds)]
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
            print(f"{load['rps']} requests/s, {load['errors']} errors; all pages p50 {load['all']['p50']:.0f} ms, "
                  f"p95 {load['all']['p95']:.0f} ms, p99 {load['all']['p99']:.0f} ms")
        print(f"{'page':45} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for page in PAGES:
            timing = load.get("pages", {}).get(page, {})
            print(f"{page:45} {result['queries'][page]:>7} {timing.get('p50', '-'):>8} {timing.get('p95', '-'):>8}")
    by_db: dict[str, list] = {}
    for result in results:
        by_db.setdefault(result["db"], []).append(result)
    for db, runs in by_db.items():
        if len(runs) > 1:
            first, last = runs[0], runs[-1]
            grew = [page for page in PAGES if last["queries"][page] != first["queries"][page]]
            print(f"\n{db}: queries per page {'constant' if not grew else 'GROW on ' + ', '.join(grew)} "
                  f"from {first['scale']}× to {last['scale']}×")
            if "all" in first["load"] and "all" in last["load"] and first["load"]["all"]:
                print(f"{db}: p95 {last['scale']}×/{first['scale']}× = "
                      f"{last['load']['all']['p95'] / first['load']['all']['p95']:.2f}")
    return 0
