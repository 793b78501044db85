"""`make loadtest` (python -m bench loadtest): the production server under load, then under faults.

Everything runs on this machine, against a PostgreSQL cluster the script creates for itself (initdb into a
temporary folder, a free port, as the postgres user when run as root); the shared server on 5432 is never
touched. Steps:

1. the cluster is created, migrated, the reference and demo data loaded; a Secretariat API token, a signed-in
   focal point and one signed-in account per client are prepared; an audit baseline is taken;
2. gunicorn with deploy/gunicorn.conf.py (DEBUG off) and the task worker (`manage.py task_worker`) start;
3. **load**: N clients for S seconds over public pages, a focal point's pages, API lists and workflow writes
   (fund contributions and expenses, cooperation calls created, opened and closed, event
   registrations with their emails): requests, errors (target 0), p50/p95/p99;
4. **database outage**: the clients keep going while the cluster is stopped for a few seconds and started
   again: every request in the outage must get a 503 (the maintenance page, JSON for the API) or succeed,
   nothing else; the recovery time is from the cluster's restart to the first 200 (target: --recovery-target);
5. **worker killed**: registration emails are queued, the worker is killed with SIGKILL while a task runs,
   restarted (as systemd does), and the queue drains: every task ends successful, one email per task;
6. **audit**: for every model with a history, each record equals its latest history version and each
   version's record exists, for the records the run touched (compared with the baseline); the fund summary
   equals the ledger; every write a client saw succeed is in the database.

Exit status 1 when a target is missed, 2 when the setup failed. ``--smoke`` is a short run (5 clients × 5 s,
a 3 s outage, 20 queued emails) for trying the machinery; its figures mean little.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

PUBLIC_PAGES = ["/en/", "/es/programs/", "/en/programs/?topic=youth-employment", "/en/library/", "/en/fund/",
                "/en/cooperation/", "/en/conference/", "/en/events/", "/en/meetings/", "/en/network/",
                "/en/countries/CL/", "/fr/agreements/", "/en/search/?q=empleo", "/healthz"]
API_LISTS = ["/api/v1/programs", "/api/v1/documents", "/api/v1/fund/summary", "/api/v1/events",
             "/api/v1/meetings", "/api/v1/institutions", "/api/v1/mandates", "/api/v1/agreements"]
FOCAL_PAGES = ["/en/desk/", "/en/programs/", "/en/notifications/", "/en/cooperation/"]
CSRF_SECRET = "loadtest" * 4  # 32 characters: a cookie value Django's CSRF check accepts as it is


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share / 100 * len(ordered)) - 1))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- The PostgreSQL cluster of the run ------------------------------------------------------------------

class Cluster:
    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self.data, self.sockets, self.log = root / "pgdata", root / "pgsock", root / "postgresql.log"

    def _run(self, *command: str) -> None:
        argv = [str(PG_BIN / command[0]), *command[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            argv = ["runuser", "-u", "postgres", "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, timeout=120)  # noqa: S603 - fixed programs

    def init(self) -> None:
        self.sockets.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c max_connections=200",
                  "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def url(self, database: str = "rial") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


# --- Django work done in child processes (they set DJANGO_SETTINGS_MODULE from the environment) -------

def _django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
    import django

    django.setup()


def child_prepare(clients: int) -> dict:
    _django()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from rial.accounts.models import ApiToken
    from rial.cooperation.models import Call
    from rial.events.models import Event

    user_model = get_user_model()

    def session_for(user) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    secretariat = user_model.objects.get(username="demo-secretariat")
    _token, raw = ApiToken.issue(user=secretariat, label="load test", second_factor_verified=True)
    focal = user_model.objects.get(username="demo-focal-cl")
    visitors = []
    for number in range(clients):
        user, _created = user_model.objects.get_or_create(
            username=f"load-{number:03d}", defaults={"email": f"load-{number:03d}@example.org",
                                                     "first_name": "Load", "last_name": f"Client {number}"})
        visitors.append(session_for(user))
    # Events open for registration in the future: the demo's, opened now if it has none.
    now = timezone.now()
    upcoming = list(Event.objects.filter(meeting__start_date__gt=now.date()).order_by("meeting__start_date")[:3])
    for event in upcoming:
        if not event.registration_is_open(now):
            Event.objects.filter(pk=event.pk).update(registration_opens=now - datetime.timedelta(days=1),
                                                     registration_closes=now + datetime.timedelta(days=30))
    # Unlimited places: every client's registration is taken at once (no waiting list moving people up).
    Event.objects.filter(pk__in=[e.pk for e in upcoming]).update(capacity=None)
    return {"token": raw, "focal_session": session_for(focal), "visitor_sessions": visitors,
            "events": [event.pk for event in upcoming], "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "last_call_number": max(Call.objects.values_list("number", flat=True), default=0)}


def audit_history(models=None) -> dict:
    """Records versus their history (django-simple-history): what does not match, by model and primary key.

    A record must equal its latest version in every tracked field, and a history whose latest version is
    not a deletion must have its record: a transition applied without its version, or a version whose
    change was rolled back, shows here.
    """
    from django.apps import apps
    from django.core.management import call_command

    mismatches: list[str] = []
    checked = 0
    for model in models or apps.get_models():
        attribute = getattr(model._meta, "simple_history_manager_attribute", None)
        if not attribute:
            continue
        history = getattr(model, attribute).model
        pk_name = model._meta.pk.attname
        tracked = [f.attname for f in history._meta.concrete_fields
                   if not f.name.startswith("history_") and hasattr(model, f.attname)]
        latest = {}
        for version in history.objects.order_by(pk_name, "history_date", "history_id").iterator(chunk_size=2000):
            latest[getattr(version, pk_name)] = version
        label = model._meta.label
        for record in model._base_manager.all().iterator(chunk_size=2000):
            checked += 1
            key = record.pk
            version = latest.pop(key, None)
            if version is None:
                mismatches.append(f"{label}:{key}: no history")
            elif version.history_type == "-":
                mismatches.append(f"{label}:{key}: exists but its history says deleted")
            else:
                differing = [name for name in tracked if getattr(record, name) != getattr(version, name)]
                if differing:
                    mismatches.append(f"{label}:{key}: differs from its latest history in {','.join(differing)}")
        for key, version in latest.items():
            if version.history_type != "-":
                mismatches.append(f"{label}:{key}: in the history but not in the records")
    fund_ok = True
    if models is None:
        try:
            call_command("check_fund_summary", verbosity=0)
        except Exception as error:  # noqa: BLE001 - reported as a finding
            fund_ok = False
            mismatches.append(f"fund summary: {error}")
    return {"checked": checked, "mismatches": mismatches, "fund_summary_ok": fund_ok}


def child_audit() -> dict:
    _django()
    return audit_history()


def child_counts() -> dict:
    _django()
    from rial.cooperation.models import Call
    from rial.events.models import Registration
    from rial.fund.models import Entry

    return {"entries": sorted(Entry.objects.filter(description__startswith="load test ").values_list(
                "description", flat=True)),
            "calls": {f"{c.year}-{c.number}": c.state for c in Call.objects.filter(year__gte=2090)},
            "registrations": Registration.objects.filter(email__startswith="load-").count()}


def child_enqueue(count: int) -> dict:
    """Queue ``count`` registration emails (one per task) for the load clients' registrations."""
    _django()
    from rial.events.models import Registration
    from rial.events.tasks import send_registration_email

    registrations = list(Registration.objects.exclude(status=Registration.Status.CANCELLED)
                         .values_list("pk", flat=True)[:count])
    if not registrations:
        return {"tasks": []}
    ids = [str(send_registration_email.enqueue(registrations[n % len(registrations)], "registered").id)
           for n in range(count)]
    return {"tasks": ids}


CHILDREN = {"prepare": lambda a: child_prepare(int(a[0])), "audit": lambda a: child_audit(),
            "counts": lambda a: child_counts(), "enqueue": lambda a: child_enqueue(int(a[0]))}


# --- The run ---------------------------------------------------------------------------------------------

class Run:
    def __init__(self, args):
        self.args = args
        self.root = Path(tempfile.mkdtemp(prefix="rial-loadtest-"))
        os.chmod(self.root, 0o755)  # noqa: S103 - postgres must reach its folders inside
        self.var = self.root / "var"
        self.var.mkdir()
        self.cluster = Cluster(self.root, free_port())
        self.port = free_port()
        self.env = {**os.environ, "DATABASE_URL": self.cluster.url(), "RIAL_VAR_DIR": str(self.var),
                    "DEBUG": "0", "PRODUCTION": "0", "ALLOWED_HOSTS": "127.0.0.1",
                    "SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SETTINGS_MODULE": "rial.settings",
                    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                    "ADMINS": "", "LOG_FORMAT": "text", "LOG_LEVEL": "WARNING", "SITE_URL": "http://127.0.0.1"}
        for name in ("EMAIL_HOST", "REDIS_URL"):
            self.env.pop(name, None)
        self.server = self.worker = None
        self.worker_starts = 0

    def log(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)

    def manage(self, *command: str, timeout: int = 900) -> None:
        with open(self.root / "manage.log", "a") as output:
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=self.env, check=True,  # noqa: S603
                           stdout=output, stderr=subprocess.STDOUT, timeout=timeout)

    def child(self, name: str, *arguments: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "bench.loadtest", "--child", name, *arguments],  # noqa: S603
                              cwd=ROOT, env=self.env, check=True, capture_output=True, text=True, timeout=900)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def start_server(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        output = open(self.root / "gunicorn.log", "a")  # noqa: SIM115 - open for the server's lifetime
        self.server = subprocess.Popen([str(gunicorn), "--config", "deploy/gunicorn.conf.py", "rial.wsgi",  # noqa: S603
                                        "--access-logfile", "/dev/null"],
                                       cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self._status("/en/") == 200:
                return
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.root / 'gunicorn.log'}")
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within 120 s")

    def start_worker(self) -> None:
        output = open(self.root / "worker.log", "a")  # noqa: SIM115 - open for the worker's lifetime
        self.worker_starts += 1
        self.worker = subprocess.Popen([sys.executable, "manage.py", "task_worker", "--no-reload",  # noqa: S603
                                        "--no-startup-delay", "--interval", "0.5"],
                                       cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT)

    def wait_healthy(self, seconds: float = 90) -> float:
        """Until /healthz says 200 (the worker's first heartbeat included); returns the seconds waited."""
        began = time.monotonic()
        while self._status("/healthz") != 200:
            if time.monotonic() - began > seconds:
                raise RuntimeError(f"/healthz not 200 within {seconds:g} s")
            time.sleep(0.5)
        return time.monotonic() - began

    def _status(self, path: str) -> int:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            return connection.getresponse().status
        except OSError:
            return 0

    def tasks(self, ids: list[str]) -> dict:
        """The queued tasks' states, read straight from the cluster (a Django child takes seconds to start)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.cluster.port, user="postgres", dbname="rial") as db:
            rows = db.execute("SELECT id::text, status, worker_ids FROM django_tasks_database_dbtaskresult "
                              "WHERE id::text = ANY(%s)", [ids]).fetchall()
        return {pk: {"status": status, "workers": workers} for pk, status, workers in rows}

    def wait_for_empty_queue(self, seconds: float = 180) -> None:
        import psycopg

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with psycopg.connect(host="127.0.0.1", port=self.cluster.port, user="postgres", dbname="rial") as db:
                waiting = db.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult "
                                     "WHERE status IN ('READY', 'RUNNING')").fetchone()[0]
            if not waiting:
                return
            time.sleep(1)
        raise RuntimeError(f"the task queue did not empty within {seconds:g} s")

    def stop(self) -> None:
        for process in (self.server, self.worker):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        # Stopped already when the outage step failed half-way.
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.cluster.stop()


class Clients:
    """N client threads, each its own keep-alive connection, signed-in account and share of writes."""

    def __init__(self, run: Run, prepared: dict, clients: int):
        self.run, self.prepared, self.count = run, prepared, clients
        self.samples: list[tuple[float, float, str, int | str, str]] = []  # start, end, kind, status, path
        self.lock = threading.Lock()
        self.stop_at = 0.0
        self.written = {"entries": set(), "calls": {}, "registered": 0}
        self.call_numbers = iter(range(prepared["last_call_number"] + 1, 1000))

    def go(self, seconds: float, during=None) -> list[tuple]:
        self.samples = []
        self.stop_at = time.monotonic() + seconds
        threads = [threading.Thread(target=self._client, args=(n,)) for n in range(self.count)]
        for thread in threads:
            thread.start()
        if during is not None:
            during()
        for thread in threads:
            thread.join()
        return self.samples

    def _client(self, number: int) -> None:
        rng = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", self.run.port, timeout=60)
        visitor = self.prepared["visitor_sessions"][number % len(self.prepared["visitor_sessions"])]
        call = None
        registered = set()
        while time.monotonic() < self.stop_at:
            roll = rng.random()
            if roll < 0.45:
                request = ("page", "GET", rng.choice(PUBLIC_PAGES), None, {}, {200})
            elif roll < 0.60:
                request = ("signed-in page", "GET", rng.choice(FOCAL_PAGES), None,
                           {"Cookie": f"{self.prepared['session_cookie']}={self.prepared['focal_session']}"}, {200})
            elif roll < 0.80:
                request = ("api list", "GET", rng.choice(API_LISTS) + "?limit=20", None, {}, {200})
            elif roll < 0.87:
                request = self._fund(rng, number)
            elif roll < 0.95:
                request, call = self._call(call)
            else:
                free = [pk for pk in self.prepared["events"] if pk not in registered]
                if not free:
                    continue
                event = rng.choice(free)
                registered.add(event)
                cookies = (f"{self.prepared['session_cookie']}={visitor}; "
                           f"{self.prepared['csrf_cookie']}={CSRF_SECRET}")
                request = ("registration", "POST", f"/en/events/{event}/register/", b"",
                           {"Cookie": cookies, "X-CSRFToken": CSRF_SECRET,
                            "Content-Type": "application/x-www-form-urlencoded"}, {302})
            connection = self._send(connection, request)

    def _api(self, kind: str, path: str, payload: dict, expected: set) -> tuple:
        return (kind, "POST", path, json.dumps(payload).encode(),
                {"Authorization": f"Bearer {self.prepared['token']}", "Content-Type": "application/json"}, expected)

    def _fund(self, rng: random.Random, number: int) -> tuple:
        description = f"load test {number}-{secrets.token_hex(4)}"
        today = datetime.date.today().isoformat()
        if rng.random() < 0.5:
            return self._api("fund write", "/api/v1/fund/contributions",
                             {"contributor_name": "Load test", "amount": "100.00", "currency": "USD", "date": today,
                              "description": description}, {201})
        return self._api("fund write", "/api/v1/fund/expenses",
                         {"amount": "10.00", "currency": "USD", "date": today, "category": "operation",
                          "description": description}, {201})

    def _call(self, call):
        """A call for proposals through its workflow: created as a draft, opened, closed (evaluation needs
        proposals; its results are published from there)."""
        # A call whose creation was not acknowledged (a 503 in the outage) is left; the next gets a new number.
        if call is None or call["state"] in ("closed", "unconfirmed"):
            with self.lock:
                number = next(self.call_numbers)
            year = 2090
            call = {"year": year, "number": number, "state": "unconfirmed", "next": "draft"}
            request = self._api("call workflow", "/api/v1/cooperation/calls",
                                {"number": number, "year": year, "budget": "1000",
                                 "closes_on": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()},
                                {201})
        else:
            target = _next_state(call["state"])
            call["next"] = target
            request = self._api("call workflow", f"/api/v1/cooperation/calls/{call['number']}/state",
                                {"state": target}, {200})
        return request + (call,), call

    def _send(self, connection, request):
        kind, method, path, body, headers, expected, *context = request
        began = time.monotonic()
        try:
            connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **headers})
            response = connection.getresponse()
            response.read()
            status = response.status
            if status == 503 and not (response.getheader("Retry-After") or path == "/healthz"):
                status = "503 without Retry-After"
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", self.run.port, timeout=60)
        ended = time.monotonic()
        with self.lock:
            self.samples.append((began, ended, kind, status, path, status in expected))
            if status in expected:
                if kind == "fund write":
                    self.written["entries"].add(json.loads(body)["description"])
                elif kind == "call workflow" and context:
                    call = context[0]
                    call["state"] = call["next"]
                    self.written["calls"][f"{call['year']}-{call['number']}"] = call["state"]
                elif kind == "registration":
                    self.written["registered"] += 1
        return connection


def summarise(samples: list[tuple], seconds: float) -> dict:
    ok = [(end - start) * 1000 for start, end, _kind, _status, _path, good in samples if good]
    errors = [f"{kind} {path}: {status}" for _start, _end, kind, status, path, good in samples if not good]
    by_kind = {}
    for kind in sorted({sample[2] for sample in samples}):
        times = [(s[1] - s[0]) * 1000 for s in samples if s[2] == kind and s[5]]
        by_kind[kind] = {"n": len([s for s in samples if s[2] == kind]), "p50": round(percentile(times, 50)),
                         "p95": round(percentile(times, 95))}
    return {"requests": len(samples), "errors": len(errors), "error_examples": sorted(set(errors))[:8],
            "rps": round(len(samples) / seconds, 1), "p50_ms": round(percentile(ok, 50)),
            "p95_ms": round(percentile(ok, 95)), "p99_ms": round(percentile(ok, 99)), "by_kind": by_kind}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--outage", type=float, default=10, help="seconds the database is down")
    parser.add_argument("--emails", type=int, default=100, help="registration emails queued for the worker kill")
    parser.add_argument("--recovery-target", type=float, default=30,
                        help="seconds from the database's restart to the first 200 (target)")
    parser.add_argument("--smoke", action="store_true", help="5 clients × 5 s, a 3 s outage, 20 emails")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, cluster)")
    parser.add_argument("--template", type=Path,
                        help="a folder keeping the migrated cluster with the demo data between runs: copied "
                             "instead of created when it exists (migrate still runs), written otherwise")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](args.child[1:]), default=str))
        return 0
    if args.smoke:
        args.clients, args.seconds, args.outage, args.emails = 5, 5.0, 3.0, 20
    if not (PG_BIN / "initdb").exists():
        print(f"no PostgreSQL programs in {PG_BIN} (set PG_BIN)", file=sys.stderr)
        return 2
    run = Run(args)
    report: dict = {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                    "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.python_version()}",
                    "load_before": os.getloadavg()[0], "clients": args.clients, "seconds": args.seconds}
    failures: list[str] = []
    try:
        began = time.monotonic()
        run.log(f"PostgreSQL cluster on port {run.cluster.port} in {run.root}")
        if args.template and (args.template / "PG_VERSION").exists():
            run.cluster.init()
            shutil.rmtree(run.cluster.data)
            subprocess.run(["cp", "-a", str(args.template), str(run.cluster.data)], check=True)  # noqa: S603, S607
            run.cluster.start()
            run.log("migrate (on the template's cluster)")
            run.manage("migrate", "--noinput")
        else:
            run.cluster.init()
            run.cluster.start()
            run.manage("shell", "-c", "import psycopg; psycopg.connect('dbname=postgres host=127.0.0.1 port="
                       f"{run.cluster.port} user=postgres', autocommit=True).execute('CREATE DATABASE rial')")
            run.log("migrate, reference and demo data")
            run.manage("migrate", "--noinput")
            run.manage("load_demo")
            if args.template:
                run.cluster.stop()
                subprocess.run(["cp", "-a", str(run.cluster.data), str(args.template)], check=True)  # noqa: S603, S607
                run.cluster.start()
        run.manage("collectstatic", "--noinput", "--verbosity", "0")
        prepared = run.child("prepare", str(args.clients))
        baseline = set(run.child("audit")["mismatches"])
        report["setup_seconds"] = round(time.monotonic() - began)
        run.start_server()
        run.start_worker()
        run.wait_healthy()
        clients = Clients(run, prepared, args.clients)
        clients.go(min(5.0, args.seconds))  # warm every server process
        run.log(f"load: {args.clients} clients × {args.seconds:g} s")
        load = summarise(clients.go(args.seconds), args.seconds)
        report["load"] = load
        report["load_after"] = os.getloadavg()[0]
        run.log(f"load: {load['requests']} requests, {load['errors']} errors, p50 {load['p50_ms']} ms, "
                f"p95 {load['p95_ms']} ms, p99 {load['p99_ms']} ms")
        if load["errors"]:
            failures.append(f"load: {load['errors']} errors ({load['error_examples']})")

        report["outage"] = outage = database_outage(run, clients, args)
        run.log(f"outage: {outage}")
        if outage["unexpected"]:
            failures.append(f"outage: {len(outage['unexpected'])} answers other than 503 or success: "
                            f"{outage['unexpected'][:5]}")
        if outage["full_recovery_seconds"] is None or outage["full_recovery_seconds"] > args.recovery_target:
            failures.append(f"outage: not every request served again within {args.recovery_target:g} s of the "
                            f"restart ({outage['full_recovery_seconds']})")
        if not outage["during_503"]:
            failures.append("outage: no request got a 503 while the database was down")

        report["worker_kill"] = killed = worker_kill(run, args)
        run.log(f"worker kill: {killed}")
        failures.extend(f"worker kill: {problem}" for problem in killed["problems"])

        audit = run.child("audit")
        new = sorted(set(audit["mismatches"]) - baseline)
        counts = run.child("counts")
        lost_entries = sorted(clients.written["entries"] - set(counts["entries"]))
        calls_wrong = {key: (state, counts["calls"].get(key)) for key, state in clients.written["calls"].items()
                       if counts["calls"].get(key) not in (state, _next_state(state))}
        report["audit"] = {"records_checked": audit["checked"], "new_mismatches": new[:20],
                           "fund_summary_ok": audit["fund_summary_ok"],
                           "fund_entries_acknowledged": len(clients.written["entries"]),
                           "fund_entries_in_database": len(counts["entries"]), "acknowledged_but_missing":
                           lost_entries[:10], "calls_in_another_state": calls_wrong}
        run.log(f"audit: {report['audit']}")
        if new:
            failures.append(f"audit: {len(new)} records and histories disagree: {new[:5]}")
        if not audit["fund_summary_ok"]:
            failures.append("audit: the fund summary differs from the ledger")
        if lost_entries or calls_wrong:
            failures.append("audit: writes acknowledged to a client are not in the database")
    except Exception as error:  # noqa: BLE001 - the setup failed: say where, keep the logs
        run.log(f"setup failed: {error!r}; logs in {run.root}")
        args.keep = True
        print(json.dumps(report, indent=2, default=str))
        return 2
    finally:
        run.stop()
        if not args.keep:
            shutil.rmtree(run.root, ignore_errors=True)
    report["failures"] = failures
    print(json.dumps(report, indent=2, default=str))
    if failures:
        print("TARGETS MISSED:\n- " + "\n- ".join(failures), file=sys.stderr)
        return 1
    print("all targets met")
    return 0


def _next_state(state: str) -> str:
    return {"draft": "open", "open": "closed"}.get(state, state)


def database_outage(run: Run, clients: Clients, args) -> dict:
    """The clients keep going; the cluster stops for ``args.outage`` seconds and starts again."""
    marks: dict[str, float] = {}

    def fault():
        time.sleep(5)
        marks["stop"] = time.monotonic()
        run.cluster.stop()
        marks["stopped"] = time.monotonic()
        time.sleep(args.outage)
        marks["start"] = time.monotonic()
        run.cluster.start()
        marks["started"] = time.monotonic()

    total = 5 + args.outage + max(15.0, args.recovery_target + 5)
    run.log(f"outage: {args.clients} clients, the database stopped for {args.outage:g} s after 5 s")
    samples = clients.go(total, during=fault)
    started = marks["started"]
    in_outage = [s for s in samples if s[1] >= marks["stop"] and s[0] <= started]
    after = sorted((s for s in samples if s[0] > started), key=lambda s: s[1])
    first_200 = next((s[1] for s in after if s[3] in (200, 201, 302) and s[5]), None)
    unexpected = [f"{s[2]} {s[4]}: {s[3]}" for s in samples if not s[5] and s[3] != 503]
    late_503 = [s for s in after if s[3] == 503 and first_200 is not None and s[0] > first_200]
    # Each server process has its own pool, reconnecting with its own back-off: the last 503 of a request
    # sent after the restart marks when every process was serving again.
    last_503 = max((s[1] for s in after if s[3] == 503), default=None)
    wait_503 = [(s[1] - s[0]) * 1000 for s in in_outage if s[3] == 503]
    return {"requests": len(samples), "during": len(in_outage),
            "during_503": len([s for s in in_outage if s[3] == 503]),
            "during_ok": len([s for s in in_outage if s[5]]),
            "503_wait_p50_ms": round(percentile(wait_503, 50)), "503_wait_max_ms": round(max(wait_503, default=0)),
            "recovery_seconds": round(first_200 - started, 2) if first_200 else None,
            "full_recovery_seconds": round(max(last_503 or started, first_200 or started) - started, 2)
            if first_200 else None,
            "503_after_recovery": len(late_503), "unexpected": sorted(set(unexpected))[:10],
            "database_down_seconds": round(marks["start"] - marks["stopped"], 1)}


def worker_kill(run: Run, args) -> dict:
    """Queue registration emails, SIGKILL the worker while a task runs, restart it, let the queue drain."""
    mail = run.var / "mail"
    run.wait_for_empty_queue()  # the emails of the load's registrations first: counted apart from these
    before = set(mail.glob("*")) if mail.exists() else set()
    queued = run.child("enqueue", str(args.emails))["tasks"]
    problems: list[str] = []
    if not queued:
        return {"problems": ["no registrations to send emails for"]}
    # Kill once a few tasks are done and one is running (the worker is busy from the first task on). A task
    # lasts milliseconds on a quiet machine and may finish between the look and the kill: then the worker is
    # restarted (what systemd's Restart=always does) and the kill tried again, a few times at most.
    deadline = time.monotonic() + 120
    running_at_kill = []
    kills = 0
    while time.monotonic() < deadline and not running_at_kill and kills < 5:
        states = run.tasks(queued)
        done = [pk for pk, row in states.items() if row["status"] == "SUCCESSFUL"]
        running = [pk for pk, row in states.items() if row["status"] == "RUNNING"]
        if len(done) >= 3 and running:
            os.kill(run.worker.pid, signal.SIGKILL)
            run.worker.wait()
            kills += 1
            running_at_kill = [pk for pk, row in run.tasks(queued).items() if row["status"] == "RUNNING"]
            if not running_at_kill:
                run.start_worker()
            continue
        time.sleep(0.05)
    if not running_at_kill:
        problems.append(f"none of {kills} kills landed while a task was running")
    killed_at = time.monotonic()
    run.start_worker()  # what systemd's Restart=always does
    drained = None
    while time.monotonic() < killed_at + 180:
        states = run.tasks(queued)
        if all(row["status"] in ("SUCCESSFUL", "FAILED") for row in states.values()):
            drained = round(time.monotonic() - killed_at, 1)
            break
        time.sleep(1)
    states = run.tasks(queued)
    not_successful = {pk: row["status"] for pk, row in states.items() if row["status"] != "SUCCESSFUL"}
    after = set(mail.glob("*")) - before
    message_ids = []
    for path in after:
        message_ids += re.findall(r"^Message-ID: (<[^>]+>)", path.read_text(errors="replace"), flags=re.MULTILINE)
    duplicates = len(message_ids) - len(set(message_ids))
    resumed = [pk for pk in running_at_kill if len(states.get(pk, {}).get("workers", [])) >= 2]
    if drained is None:
        problems.append("the queue did not drain within 180 s of the restart")
    if not_successful:
        problems.append(f"{len(not_successful)} tasks not successful: {list(not_successful.items())[:3]}")
    if len(set(message_ids)) != len(queued):
        problems.append(f"{len(set(message_ids))} distinct emails for {len(queued)} tasks")
    if duplicates:
        problems.append(f"{duplicates} emails sent twice")
    if running_at_kill and len(resumed) != len(running_at_kill):
        problems.append("a task running at the kill was not run again by the restarted worker")
    return {"tasks": len(queued), "kills": kills, "running_at_kill": len(running_at_kill), "resumed_by_restarted_worker":
            len(resumed), "drained_seconds_after_kill": drained, "emails": len(message_ids),
            "duplicate_emails": duplicates, "problems": problems}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
