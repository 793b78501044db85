"""Search relevance (bench/relevance.py) and speed at 1k, 10k and 100k records, on SQLite and PostgreSQL, in one run.

    python -m bench search                      # both databases: relevance, then 1,000 / 10,000 / 100,000 records
    python -m bench search --db sqlite --sizes 1000,10000 --repeat 10
    python -m bench search --no-relevance       # speed only
    python -m bench relevance                   # relevance only

Each database runs in its own process (Django has one default database per process): SQLite in
var/bench/search.sqlite3, PostgreSQL in the database rial_search_bench (BENCH_POSTGRES_URL,
default postgres://postgres@127.0.0.1:5432/rial_search_bench; it is dropped and created again).
First the judged records of the relevance benchmark are indexed alone and every judged query is run
(bench/relevance.py); they are removed again. Then synthetic records (bench/synthetic.py) are written
straight into the index, and a fixed set of queries is timed three ways:

- raw: the engine's one full-text statement alone (the ranked candidates with their facet values);
- api: GET /api/v1/search through Django's test client (middleware, facets, snippets, JSON);
- page: GET /en/search/ the same way (the HTML page).
"""

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "search.sqlite3"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/rial_search_bench")

# (words, filters): Spanish, English, Portuguese and French; broad and narrow; with and without filters.
QUERIES = [
    ("inspección del trabajo", {}),
    ("trabajadores", {}),
    ("trabajo infantil", {}),
    ("empleo juvenil jóvenes", {}),
    ("seguridad social", {"country": ["CL"]}),
    ("diálogo social", {"kind": ["program"]}),
    ("labor inspection", {}),
    ("youth employment", {}),
    ("social security agreements", {}),
    ("telework", {"year": ["2019"]}),
    ("trabalho infantil", {}),
    ("inspeção do trabalho", {}),
    ("emploi des jeunes", {}),
    ("sécurité sociale", {}),
    ("Kariquimu", {}),                      # a word found nowhere: the cheapest case
    ("", {"topic": ["child-labor"], "country": ["BR"]}),  # browsing by filters alone
]


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def summary(samples: list[float]) -> dict:
    return {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "p99": percentile(samples, 99),
            "mean": statistics.fmean(samples), "n": len(samples)}


# --- the child process: one database --------------------------------------------------------------

def _prepare_database(db: str, reuse: bool) -> None:
    if reuse:
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}" if db == "sqlite" else POSTGRES_URL
    elif db == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    else:
        import psycopg

        base, name = POSTGRES_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = POSTGRES_URL
    os.environ["DEBUG"] = "0"  # no query log kept in memory
    # Every timing must run the search: the anonymous page cache would answer the repeated requests
    # from memory (0.5 ms, no query) and the figures would measure the cache.
    os.environ["RIAL_PAGE_CACHE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")


def _timed(function) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one call (CPU time of this process: SQLite runs inside
    it, so on a machine shared with other work this is the cost that does not depend on the load)."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _answered(response):
    """A timing counts only a search that answered: an error page is fast and would flatter the figures."""
    if response.status_code != 200 or response.get("X-Page-Cache") == "hit":
        raise SystemExit(f"search answered {response.status_code} {response.get('X-Page-Cache', '')}: "
                         f"{response.content[:300]!r}")
    return response


def run_child(db: str, sizes: list[int], repeat: int, reuse: bool = False, relevance: bool = True,
              speed: bool = True) -> dict:
    _prepare_database(db, reuse)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import DatabaseError, connection, transaction
    from django.test import Client

    from bench import relevance as relevance_bench
    from bench import synthetic
    from rial.directory.demo import load_reference as load_countries
    from rial.search.demo import load_reference as load_vocabulary
    from rial.search.engines import CANDIDATES, get_engine
    from rial.search.index import index_documents
    from rial.search.models import SearchEntry
    from rial.search.query import PER_PAGE, Filters, engine_query
    from rial.search.text import parse_query
    from rial.topics.demo import load_reference as load_topics

    call_command("migrate", verbosity=0)
    load_countries()
    load_topics()
    load_vocabulary()
    judged = {}
    if relevance and not reuse:
        print(f"  {db:<10} relevance: {len(relevance_bench.QUERIES)} judged queries over "
              f"{len(relevance_bench.RECORDS)} records…", file=sys.stderr, flush=True)
        judged = relevance_bench.run_variants()
    if not speed:
        return {"db": db, "version": _version(connection), "results": [], "relevance": judged}

    engine, client, results = get_engine(), Client(), []
    # --reuse: time again on the records a previous run left (no drop, no indexing below that size).
    done = SearchEntry.objects.filter(key__startswith="bench-").count() if reuse else 0
    # The records are programs and documents: kinds the portfolio and library sources give.
    for size in sizes:
        start = time.perf_counter()
        if size > done:
            index_documents(synthetic.documents(done, size))
            done = size
        indexed_s = time.perf_counter() - start
        with connection.cursor() as cursor:
            if db == "sqlite":
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
                cursor.execute("ANALYZE")
            else:
                cursor.execute("VACUUM ANALYZE search_searchentry")
                cursor.execute("VACUUM ANALYZE search_searchtext")
                # Write the freshly indexed pages out now: otherwise the checkpointer does it during
                # the timings (minutes of background writes after 100,000 records), which measures
                # the bulk load, not a search. Needs a superuser or the pg_checkpoint role.
                try:
                    with transaction.atomic():
                        cursor.execute("CHECKPOINT")
                except DatabaseError as error:
                    print(f"  (no CHECKPOINT before timing: {error})", file=sys.stderr)
        timings = {name: {"wall": [], "cpu": []} for name in ("raw", "api", "page")}
        matches, per_query, timed = {}, {}, []
        for words, filters in QUERIES:
            wanted = engine_query(parse_query(words), Filters(**filters))
            params = {"q": words, **filters}
            calls = {
                "raw": lambda wanted=wanted: engine.candidates(wanted, limit=CANDIDATES + 1, needed=PER_PAGE),
                "api": lambda params=params: _answered(client.get("/api/v1/search", params)),
                "page": lambda params=params: _answered(client.get("/en/search/", params)),
            }
            for call in calls.values():  # warm: connection, caches, templates
                call()
            matches[words or str(filters)] = client.get("/api/v1/search", params).json()["total"]
            timed.append((words, filters, calls))
        # As a server process does (rial/wsgi.py, rial/core/warm_up.py): what start-up and the first requests
        # loaded stays out of the garbage collector's full collections.
        gc.collect()
        gc.freeze()
        for words, filters, calls in timed:
            # Interleaved, so that a burst of load on a shared machine hits the three alike.
            for _ in range(repeat):
                for name, call in calls.items():
                    wall, cpu = _timed(call)
                    timings[name]["wall"].append(wall)
                    timings[name]["cpu"].append(cpu)
            per_query[words or str(filters)] = summary(timings["api"]["wall"][-repeat:])
        raw, api, page = (timings[name]["wall"] for name in ("raw", "api", "page"))
        results.append({"db": db, "size": size, "indexed_s": round(indexed_s, 1), "raw": summary(raw),
                        "api": summary(api), "page": summary(page), "matches": matches,
                        "cpu": {name: summary(timings[name]["cpu"]) for name in timings}, "per_query": per_query,
                        "load": os.getloadavg()[0]})
        print(f"  {db:<10} {size:>7} records: raw p95 {summary(raw)['p95']:.1f} ms, "
              f"api p95 {summary(api)['p95']:.1f} ms, page p95 {summary(page)['p95']:.1f} ms "
              f"(indexed in {indexed_s:.0f} s)", file=sys.stderr, flush=True)
    return {"db": db, "version": _version(connection), "results": results, "relevance": judged}


def _version(connection) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        return cursor.fetchone()[0]


# --- the parent process: both databases, one table ------------------------------------------------

def table(runs: list[dict]) -> str:
    lines = ["| database | records | raw p50 | raw p95 | raw p99 | API p50 | API p95 | API p99 | page p50 | page p95 "
             "| API p95 / raw p95 | CPU p95 raw / API / page | load |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        for r in run["results"]:
            raw, api, page, cpu = r["raw"], r["api"], r["page"], r["cpu"]
            lines.append(f"| {run['db']} {run['version']} | {r['size']:,} | {raw['p50']:.1f} | {raw['p95']:.1f} | "
                         f"{raw['p99']:.1f} | {api['p50']:.1f} | {api['p95']:.1f} | {api['p99']:.1f} | "
                         f"{page['p50']:.1f} | {page['p95']:.1f} | {api['p95'] / raw['p95']:.2f}× | "
                         f"{cpu['raw']['p95']:.1f} / {cpu['api']['p95']:.1f} / {cpu['page']['p95']:.1f} | "
                         f"{r['load']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both (comma-separated)")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=15, help="timings per query and size")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the records of the previous run (time only; the sizes must not be smaller)")
    parser.add_argument("--no-relevance", action="store_true", help="speed only")
    parser.add_argument("--relevance-only", action="store_true", help="relevance only")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        print(json.dumps(run_child(args.child, sizes, args.repeat, args.reuse, relevance=not args.no_relevance,
                                   speed=not args.relevance_only)))
        return 0
    runs = []
    databases = ["sqlite", "postgres"] if args.db == "both" else args.db.split(",")
    if unknown := set(databases) - {"sqlite", "postgres"}:
        parser.error(f"unknown database {', '.join(sorted(unknown))}: sqlite, postgres or both")
    for db in databases:
        what = "relevance" if args.relevance_only else f"indexing and timing {', '.join(f'{s:,}' for s in sizes)} records"
        print(f"{db}: {what}…", file=sys.stderr)
        command = [sys.executable, "-m", "bench.search", "--child", db, "--sizes", args.sizes,
                   "--repeat", str(args.repeat), *(["--reuse"] if args.reuse else []),
                   *(["--no-relevance"] if args.no_relevance else []),
                   *(["--relevance-only"] if args.relevance_only else [])]
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)  # noqa: S603 (our own module)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if any(run["relevance"] for run in runs):
        from bench.relevance import table as relevance_table

        print(f"\nRelevance benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (bench/relevance_data.py):")
        print(relevance_table([run for run in runs if run["relevance"]]))
        print("\nWhere the search as it is misses relevant records in its first ten results:")
        for run in runs:
            if run["relevance"]:
                misses = run["relevance"]["search"]["misses"]
                print(f"  {run['db']} ({len(misses)}): " + "; ".join(misses))
    if args.relevance_only:
        return 0
    print(f"\nSearch benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs "
          f"(load = 1-minute load average when each size was timed), "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"{len(QUERIES)} queries × {args.repeat} timings per size; milliseconds.\n")
    print(table(runs))
    print("\nMatches per query at the largest size:")
    for run in runs:
        print(f"  {run['db']}: " + ", ".join(f"{q!r}: {n:,}" for q, n in run["results"][-1]["matches"].items()))
    print("\nThe slowest queries through the API at the largest size (p50 / p95 / max, ms):")
    for run in runs:
        slowest = sorted(run["results"][-1]["per_query"].items(), key=lambda item: -item[1]["p95"])[:5]
        print(f"  {run['db']}: " + "; ".join(f"{q!r} {t['p50']:.1f} / {t['p95']:.1f} / {max(t['p99'], t['p95']):.1f}"
                                            for q, t in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
