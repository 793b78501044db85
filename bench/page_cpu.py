"""CPU time per uncached request for the pages benchmark's PAGES, in-process through Django's test client.

    python -m bench page-cpu sqlite:////tmp/pages10.sqlite3 --build 10     # build a 10× database first
    python -m bench page-cpu postgres://postgres@127.0.0.1:5432/mydb        # measure: CPU ms per page
    python -m bench page-cpu sqlite:////tmp/pages10.sqlite3 --profile /en/  # cProfile of 10 requests
    python -m bench page-cpu URL --pages /es/programs/,/api/v1/programs --signed-in-pages /es/programs/ \
        --queries --dump /tmp/html-after                # chosen pages; queries per page; each page's body kept

DEBUG off, the anonymous page cache off (RIAL_PAGE_CACHE=0): each request runs its view. For each page of
bench/pages.py's PAGES (anonymous) and a few pages signed in as a ministry's focal point (demo-focal-cl): three
warm-up requests, then the median of ``--n`` (30) requests measured with ``time.process_time`` — CPU of this
process only, so it depends little on what else runs on a shared machine (with PostgreSQL the server's own CPU is
not counted). ``--build SCALE`` makes the database with bench/pages.py's own builder (migrate, load_demo,
``_generate(SCALE)``, then ANALYZE as that benchmark does) at the address given — never the benchmark's own
databases. An existing database is used as it is (no migration): build it with the code it is measured with, or
migrate it first. ``--dump DIR`` writes each page's body (the last request's) to DIR, so that two versions of the
code can be compared page by page (signed-in pages differ in their CSRF token only).
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import tempfile
import time

SIGNED_IN_PAGES = ["/en/", "/en/programs/", "/en/desk/"]


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ["RIAL_PAGE_CACHE"] = "0"
    # A token of its own (see bench/pages.py): another process's writes must not empty the values kept here.
    os.environ["RIAL_PAGE_GENERATION_FILE"] = os.path.join(tempfile.mkdtemp(prefix="rial-page-cpu-"), "generation")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
    import django

    django.setup()


def _cpu_ms(client, page: str, n: int) -> tuple[float, bytes]:
    for _ in range(3):
        status = client.get(page).status_code
        if status != 200:
            raise RuntimeError(f"{page} answered {status}")
    times = []
    for _ in range(n):
        began = time.process_time()
        response = client.get(page)
        times.append((time.process_time() - began) * 1000)
    return statistics.median(times), response.content


def _queries(client, page: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(page)
    return len(queries.captured_queries)


def _dump(directory: str, page: str, reader: str, body: bytes) -> None:
    name = re.sub(r"[^A-Za-z0-9]+", "-", page).strip("-") or "root"
    with open(os.path.join(directory, f"{name}.{reader}.html"), "wb") as out:
        out.write(body)


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench page-cpu")
    parser.add_argument("database_url")
    parser.add_argument("--build", type=int, metavar="SCALE", help="first build the database at this scale")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--profile", metavar="PAGE")
    parser.add_argument("--signed-in", action="store_true", help="with --profile: as demo-focal-cl")
    parser.add_argument("--pages", help="comma-separated pages to measure anonymously (default: bench/pages.py's)")
    parser.add_argument("--signed-in-pages", help="comma-separated pages to measure as demo-focal-cl "
                        f"(default: {','.join(SIGNED_IN_PAGES)})")
    parser.add_argument("--queries", action="store_true", help="also count SQL queries per page (one request)")
    parser.add_argument("--dump", metavar="DIR", help="write each page's body to DIR")
    args = parser.parse_args(argv)
    _setup(args.database_url)
    from django.test import Client

    from bench.pages import PAGES, _analyze, _generate, _signed_in_client

    if args.build:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        print(_generate(args.build))
        _analyze()
    if args.profile:
        client = _signed_in_client() if args.signed_in else Client()
        for _ in range(3):
            client.get(args.profile)
        # CPU time of this process, not wall time: on a shared machine the wall clock charges whatever function
        # was running when the process was preempted.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(10):
            client.get(args.profile)
        profile.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(50)
            print(out.getvalue())
        return 0
    pages = args.pages.split(",") if args.pages else PAGES
    signed_in_pages = args.signed_in_pages.split(",") if args.signed_in_pages else SIGNED_IN_PAGES
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
    print(f"load average {_load_average()}")
    print(f"{'page':50} {'CPU ms':>7}" + (f" {'queries':>7}" if args.queries else ""))
    for reader, client, chosen in (("anonymous", Client(), pages), ("signed-in", _signed_in_client(), signed_in_pages)):
        for page in chosen:
            cpu, body = _cpu_ms(client, page, args.n)
            if args.dump:
                _dump(args.dump, page, reader, body)
            label = page + (" (signed in)" if reader == "signed-in" else "")
            count = f" {_queries(client, page):7d}" if args.queries else ""
            print(f"{label:50} {cpu:7.1f}{count}", flush=True)
    print(f"load average {_load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
