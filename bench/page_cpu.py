"""CPU time per uncached request for the pages benchmark's PAGES, in-process through Django's test client.

    python -m bench page-cpu sqlite:////tmp/pages10.sqlite3 --build 10     # build a 10× database first
    python -m bench page-cpu postgres://postgres@127.0.0.1:5432/mydb        # measure: CPU ms per page
    python -m bench page-cpu sqlite:////tmp/pages10.sqlite3 --profile /en/  # cProfile of 10 requests

DEBUG off, the anonymous page cache off (RIAL_PAGE_CACHE=0): each request runs its view. For each page of
bench/pages.py's PAGES (anonymous) and a few pages signed in as a ministry's focal point (demo-focal-cl): three
warm-up requests, then the median of ``--n`` (30) requests measured with ``time.process_time`` — CPU of this
process only, so it depends little on what else runs on a shared machine (with PostgreSQL the server's own CPU is
not counted). ``--build SCALE`` makes the database with bench/pages.py's own builder (migrate, load_demo,
``_generate(SCALE)``) at the address given — never the benchmark's own databases.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time

SIGNED_IN_PAGES = ["/en/", "/en/programs/", "/en/desk/"]


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ["RIAL_PAGE_CACHE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
    import django

    django.setup()


def _signed_in_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="demo-focal-cl"))
    return client


def _cpu_ms(client, page: str, n: int) -> float:
    for _ in range(3):
        status = client.get(page).status_code
        if status != 200:
            raise RuntimeError(f"{page} answered {status}")
    times = []
    for _ in range(n):
        began = time.process_time()
        client.get(page)
        times.append((time.process_time() - began) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench page-cpu")
    parser.add_argument("database_url")
    parser.add_argument("--build", type=int, metavar="SCALE", help="first build the database at this scale")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--profile", metavar="PAGE")
    parser.add_argument("--signed-in", action="store_true", help="with --profile: as demo-focal-cl")
    args = parser.parse_args(argv)
    _setup(args.database_url)
    from django.test import Client

    from bench.pages import PAGES, _generate

    if args.build:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        print(_generate(args.build))
    if args.profile:
        client = _signed_in_client() if args.signed_in else Client()
        for _ in range(3):
            client.get(args.profile)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            client.get(args.profile)
        profile.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(50)
            print(out.getvalue())
        return 0
    anonymous, signed_in = Client(), _signed_in_client()
    print(f"{'page':45} {'CPU ms':>7}")
    for page in PAGES:
        print(f"{page:45} {_cpu_ms(anonymous, page, args.n):7.1f}", flush=True)
    for page in SIGNED_IN_PAGES:
        print(f"{page + ' (signed in)':45} {_cpu_ms(signed_in, page, args.n):7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
