"""A forum thread's page at 10, 1,000 and 10,000 posts: queries and time per page, and the cost of writing.

    python -m bench.forums                        # SQLite in var/bench/forums.sqlite3 (made again)
    python -m bench.forums --postgres             # BENCH_POSTGRES_URL (default rial_forums_bench; dropped
                                                  # and created again)
    python -m bench.forums --sizes 10,1000 --repeat 10

Posts are written in bulk with their rendered HTML (like the service writes them), then the first, a
middle and the last page of each thread are read through Django's test client by a signed-in ministry
official, each timed ``--repeat`` times with its SQL queries counted. Writing is timed through the
service (``post_reply``: permission, Markdown rendering, sanitising, insert, counters, follow), and the
rendering alone for a short post and for a post at the 64 KB limit.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "forums.sqlite3"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/rial_forums_bench")
POST_TEXT = ("Our inspectorate visited **delivery app** hubs this month.\n\n> How do you establish who the "
             "employer is?\n\n- payment records\n- [ILO guide](https://www.ilo.org/)\n")


def _prepare_database(postgres: bool) -> None:
    if postgres:
        import psycopg

        base, name = POSTGRES_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = POSTGRES_URL
    else:
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")


def _ms(function, repeat: int) -> tuple[dict, object]:
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    ordered = sorted(samples)
    return {"p50": statistics.median(ordered), "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]}, result


def run(sizes: list[int], repeat: int, postgres: bool) -> None:
    _prepare_database(postgres)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from rial.directory.demo import load_reference as load_directory
    from rial.directory.demo import ministry_slug
    from rial.directory.models import Institution
    from rial.directory.tests.factories import user_with_position
    from rial.forums.markup import render_markdown
    from rial.forums.models import MAX_POST_CHARS, POSTS_PER_PAGE, Forum, Post, Thread
    from rial.forums.services import post_reply, thread_start

    # As in the tests: one connection for the whole run.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("migrate", verbosity=0)
    load_directory()
    writer = user_with_position("bench-writer", Institution.objects.get(slug=ministry_slug("CL")), focal_point=True)
    reader = user_with_position("bench-reader", Institution.objects.get(slug=ministry_slug("CO")))
    forum = Forum.objects.create(slug="bench", title="Benchmark forum")
    client = Client()
    client.force_login(reader)
    html = render_markdown(POST_TEXT)

    rows = []
    for size in sizes:
        thread = thread_start(forum=forum, user=writer, title=f"Thread of {size:,} posts", body=POST_TEXT)
        opening = thread.posts.get()
        Post.objects.bulk_create(
            (Post(thread=thread, number=number, author=reader if number % 2 else writer, reply_to=opening,
                  body=POST_TEXT, body_html=html, language="en") for number in range(2, size + 1)),
            batch_size=1000)
        Thread.objects.filter(pk=thread.pk).update(post_count=size, last_post_at=timezone.now())
        last = (size - 1) // POSTS_PER_PAGE + 1
        for label, page in (("first", 1), ("middle", (last + 1) // 2), ("last", last)):
            url = f"{thread.get_absolute_url()}?page={page}"
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            count = len(queries.captured_queries)  # now: the next request empties the log
            timing, _response = _ms(lambda url=url: client.get(url), repeat)
            rows.append((size, label, page, count, timing))
        writing, _post = _ms(lambda thread=thread: post_reply(thread=thread, user=writer, body=POST_TEXT), repeat)
        rows.append((size, "reply (service)", "", "", writing))

    short, _html = _ms(lambda: render_markdown(POST_TEXT), repeat * 10)
    longest_text = (POST_TEXT * (MAX_POST_CHARS // len(POST_TEXT)))[:MAX_POST_CHARS]
    longest, _html = _ms(lambda: render_markdown(longest_text), repeat)

    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"\nForum benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {connection.vendor} {version}, "
          f"{os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f}), "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"{repeat} timings each; milliseconds.\n")
    print("| posts in the thread | page | number | queries | p50 ms | p95 ms |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size, label, page, count, timing in rows:
        print(f"| {size:,} | {label} | {page} | {count} | {timing['p50']:.1f} | {timing['p95']:.1f} |")
    print(f"\nRendering and sanitising one post: {len(POST_TEXT)} characters p50 {short['p50']:.2f} ms; "
          f"{len(longest_text):,} characters (the limit) p50 {longest['p50']:.1f} ms, p95 {longest['p95']:.1f} ms.")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.forums", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args(argv)
    run([int(size) for size in args.sizes.split(",")], args.repeat, args.postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
