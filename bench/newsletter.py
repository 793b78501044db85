"""Sending a newsletter issue to 10,000 subscribers through a local SMTP server (aiosmtpd).

    python -m bench.newsletter                     # SQLite, 10,000 subscribers
    python -m bench.newsletter --db postgres --subscribers 10000

SQLite runs in var/bench/newsletter.sqlite3 (migrated once, emptied of newsletter rows each run);
PostgreSQL in rial_newsletter_bench (BENCH_POSTGRES_URL; dropped and created again). The SMTP server runs
in its own process (aiosmtpd's command line) and writes the recipient of every message it accepts to a
file, so the benchmark checks that nobody got an issue twice. Three issues are sent:

- full: one sender from the first message to the last (messages per second, CPU per message);
- interrupted: the sender stops after half the messages, with one message left "being sent" as a killed
  process leaves it; then the resume step (what the Resume button and `send_newsletters` do) and a second
  sender for the rest. The resume overhead is the extra time of the two halves plus the resume step over
  the full run, and the resume step alone;
- starting: the time to write the delivery rows when sending starts (issue_send).
"""

import argparse
import datetime
import json
import os
import platform
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = ROOT / "var" / "bench" / "newsletter.sqlite3"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/rial_newsletter_bench")


def _prepare(db: str, port: int) -> None:
    if db == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    else:
        import psycopg

        base, name = POSTGRES_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = POSTGRES_URL
    os.environ.update({"DEBUG": "0", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "EMAIL_USE_TLS": "0",
                       "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
                       "RIAL_VAR_DIR": str(ROOT / "var" / "bench"), "LOG_LEVEL": "WARNING"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")


def _smtp_server(port: int, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - aiosmtpd's own command line
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c",
         "rial.newsletter.tests.sink.AddressLog", str(log)], cwd=ROOT)
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the SMTP server did not start")


def run_child(db: str, count: int) -> dict:
    from rial.newsletter.tests.sink import free_port

    port = free_port()
    log = ROOT / "var" / "bench" / "newsletter-received.txt"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    server = _smtp_server(port, log)
    try:
        return _run(db, count, port, log)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _run(db: str, count: int, port: int, log: Path) -> dict:
    _prepare(db, port)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from rial.directory.demo import load_reference
    from rial.directory.models import Institution
    from rial.directory.tests.factories import user_with_position
    from rial.newsletter import sending, services
    from rial.newsletter.models import Bounce, Delivery, Issue, IssueItem, Subscriber
    from rial.newsletter.tests.factories import draft_issue

    call_command("migrate", verbosity=0)
    load_reference()
    Bounce.objects.all().delete()
    Delivery.objects.all().delete()
    IssueItem.objects.all().delete()
    Issue.objects.all().delete()
    Subscriber.objects.all().delete()
    editor = (get_user_model().objects.filter(username="bench-editor").first()
              or user_with_position("bench-editor", Institution.objects.get(slug="oas-technical-secretariat")))
    now = timezone.now()
    Subscriber.objects.bulk_create([Subscriber(email=f"bench-{n:06d}@example.org", language=("en", "es")[n % 2],
                                               state=Subscriber.State.CONFIRMED, confirmed_at=now)
                                    for n in range(count)], batch_size=2000)

    def issue():
        made = draft_issue(editor)
        for number in range(8):  # a realistic issue: nine items in two sections
            services.item_save(user=editor, item=IssueItem(issue=made, section="links", title_en=f"Link {number}",
                                                           title_es=f"Enlace {number}", link_en="https://www.oas.org/"))
        return made

    def timed(function):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        return result, time.perf_counter() - wall, time.process_time() - cpu

    full = issue()
    _r, start_s, _c = timed(lambda: services.issue_send(issue=full, user=editor, audience="all"))
    outcome, full_s, full_cpu = timed(lambda: sending.send_pending(full.pk))
    assert outcome.counts[Delivery.State.SENT] == count, outcome.counts

    half = issue()
    services.issue_send(issue=half, user=editor, audience="all")
    _o, first_s, _c1 = timed(lambda: sending.send_pending(half.pk, limit=count // 2))
    # What a killed sender leaves behind: one row "being sent" since long ago.
    stuck = Delivery.objects.filter(issue=half, state=Delivery.State.PENDING).order_by("pk").first()
    Delivery.objects.filter(pk=stuck.pk).update(state=Delivery.State.SENDING,
                                                started_at=now - datetime.timedelta(hours=1))
    _w, resume_s, _c2 = timed(lambda: services.issue_resume(issue=Issue.objects.get(pk=half.pk), user=editor))
    _rest, second_s, _c3 = timed(lambda: sending.send_pending(half.pk))
    states = dict(Delivery.objects.filter(issue=half).values_list("state").annotate(n=Count("pk")))
    time.sleep(0.5)  # the server's last lines
    received = Counter(log.read_text().split())
    return {"db": db, "subscribers": count, "start_s": start_s, "full_s": full_s, "full_rate": count / full_s,
            "cpu_ms_per_message": full_cpu * 1000 / count, "first_s": first_s, "resume_ms": resume_s * 1000,
            "second_s": second_s, "interrupted_total_s": first_s + resume_s + second_s,
            "overhead_s": first_s + resume_s + second_s - full_s, "states_after_resume": states,
            "messages_received": sum(received.values()), "most_to_one_address": max(received.values()),
            "load": os.getloadavg()[0]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.newsletter", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sqlite", help="sqlite, postgres or both (comma-separated)")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child, args.subscribers)))
        return 0
    runs = []
    for db in args.db.split(","):
        print(f"{db}: sending to {args.subscribers:,} subscribers…", file=sys.stderr)
        command = [sys.executable, "-m", "bench.newsletter", "--child", db, "--subscribers", str(args.subscribers)]
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)  # noqa: S603 (our own module)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"\nNewsletter benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; local aiosmtpd server.\n")
    print("| database | subscribers | start (rows) s | full send s | messages/s | CPU ms/message | "
          "half + resume + half s | resume step ms | overhead s | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in runs:
        print(f"| {r['db']} | {r['subscribers']:,} | {r['start_s']:.2f} | {r['full_s']:.1f} | {r['full_rate']:.0f} | "
              f"{r['cpu_ms_per_message']:.2f} | {r['interrupted_total_s']:.1f} | {r['resume_ms']:.0f} | "
              f"{r['overhead_s']:+.1f} | {r['load']:.1f} |")
    for r in runs:
        print(f"  {r['db']}: after the resume {r['states_after_resume']}; the server accepted "
              f"{r['messages_received']:,} messages for {2 * r['subscribers']:,} deliveries, at most "
              f"{r['most_to_one_address']} per address (one per issue)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
