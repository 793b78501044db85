"""What a cached anonymous page costs: in the process, and through gunicorn against nginx serving a file.

    python -m bench page-hit cpu --database sqlite:///var/bench/pages-1x.sqlite3 [--calls 20000]
    python -m bench page-hit servers --database sqlite:///var/bench/pages-1x.sqlite3 [--seconds 10]

``cpu``: the WSGI application called directly with a PEP 3333 environ for a stored page (``/en/``, no
network), ``time.process_time`` over ``--calls`` calls of Django's own handler (the middleware answers the
hit) and of the wrapper of rial/wsgi.py, in alternating blocks of 1,000 so that the machine's load falls on
both alike. ``servers``: wrk (Debian ``wrk``) against gunicorn with deploy/gunicorn.conf.py — Django's handler alone, the
wrapper as configured, without recycling the workers, and with the access log off — and each against nginx (Debian ``nginx-light``)
serving the same HTML as a static file; ratios to nginx are what to read on a shared machine.

The database is any migrated one with the demo records (``python -m bench pages`` builds
var/bench/pages-1x.sqlite3); it is only read. Nothing here runs in the test suite.
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.pages import NGINX, _free_port, _nginx, _wait_for

ROOT = Path(__file__).resolve().parent.parent
PAGE = "/en/"


def _environment(database: str, folder: str) -> dict:
    return {"DATABASE_URL": database, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "RIAL_PAGE_CACHE": "1",
            "RIAL_PAGE_GENERATION_FILE": str(Path(folder) / "page-generation"),
            "STATIC_ROOT": str(ROOT / "var" / "static"), "DJANGO_SETTINGS_MODULE": "rial.settings"}


def _environ(path: str) -> dict:
    return {"REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1", "HTTP_ACCEPT_ENCODING": "gzip", "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
            "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False}


def cpu(database: str, calls: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="rial-page-hit-") as folder:
        os.environ.update(_environment(database, folder))
        from rial import wsgi

        def start_response(status, headers, exc_info=None):
            start_response.status = status

        def one(application) -> bytes:
            iterable = application(_environ(PAGE), start_response)
            body = b"".join(iterable)
            if hasattr(iterable, "close"):
                iterable.close()  # as the server does: Django's request_finished runs here
            return body

        one(wsgi.application)  # rendered and stored
        assert one(wsgi.django_application) == one(wsgi.application), "the two answers differ"
        applications = {"django": wsgi.django_application, "wrapper": wsgi.application}
        spent = dict.fromkeys(applications, 0.0)
        block = 1000
        for _ in range(calls // block):
            for name, application in applications.items():
                started = time.process_time()
                for _ in range(block):
                    one(application)
                spent[name] += time.process_time() - started
        per_call = {name: round(seconds / (calls // block * block) * 1e6, 1) for name, seconds in spent.items()}
        return {"calls": calls, "us_per_hit": per_call,
                "wrapper_share": round(per_call["wrapper"] / per_call["django"], 3)}


def _cpu_seconds(pid: int) -> float:
    """CPU of a server: its master, its live workers and the workers it has reaped (recycled ones)."""
    tick = os.sysconf("SC_CLK_TCK")

    def own(process: int, reaped: bool) -> float:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # a worker that exited meanwhile is in its master's reaped time
            return 0.0
        # utime, stime (and cutime, cstime: children already waited for) in clock ticks.
        return sum(int(value) for value in fields[11:15 if reaped else 13]) / tick

    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return own(pid, True) + sum(own(int(child), False) for child in children)


def _wrk(port: int, seconds: float, clients: int, server: int | None = None) -> dict:
    """Requests per second and, given the server's process, its CPU per request (what a shared machine's
    load changes least)."""
    before = _cpu_seconds(server) if server else 0.0
    run = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds:g}s", "-H", "Host: 127.0.0.1",  # noqa: S603, S607
                          f"http://127.0.0.1:{port}{PAGE}"], capture_output=True, text=True, check=True)
    spent = _cpu_seconds(server) - before if server else 0.0
    if "Non-2xx" in run.stdout:
        raise RuntimeError(run.stdout)
    rps = float(next(line for line in run.stdout.splitlines() if line.startswith("Requests/sec:")).split()[1])
    requests = int(next(line for line in run.stdout.splitlines() if "requests in" in line).split()[0])
    return {"rps": rps, "cpu_us_per_request": round(spent / requests * 1e6, 1) if server else None}


def servers(database: str, seconds: float, clients: int, only: str = "") -> dict:
    """gunicorn as deploy/gunicorn.conf.py starts it, and variants of it, each against nginx just after."""
    variants = {  # name: (WSGI application, environment)
        "Django's handler (no wrapper), workers recycled every 2,000 requests": (
            "rial.wsgi:django_application", {"GUNICORN_MAX_REQUESTS": "2000"}),
        "wrapper, workers recycled every 2,000 requests": ("rial.wsgi", {"GUNICORN_MAX_REQUESTS": "2000"}),
        "Django's handler, as configured": ("rial.wsgi:django_application", {}),
        "wrapper, as configured": ("rial.wsgi", {}),
        "wrapper, workers not recycled": ("rial.wsgi", {"GUNICORN_MAX_REQUESTS": "0"}),
        "wrapper, workers not recycled, access log off": ("rial.wsgi", {"GUNICORN_MAX_REQUESTS": "0",
                                                                         "GUNICORN_ACCESS_LOG": "0"}),
    }
    if only:
        variants = {name: variant for name, variant in variants.items() if only in name}
    results = {}
    with tempfile.TemporaryDirectory(prefix="rial-page-hit-") as folder:
        workdir = Path(folder)
        os.chmod(workdir, 0o755)  # noqa: S103 — nginx's workers may run as another user
        for name, (wsgi_app, extra) in variants.items():
            port = _free_port()
            env = {**os.environ, **_environment(database, folder), **extra, "GUNICORN_BIND": f"127.0.0.1:{port}",
                   "GUNICORN_WORKERS": "2"}
            with open(workdir / "gunicorn.log", "ab") as log:
                server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "--config",  # noqa: S603
                                           "deploy/gunicorn.conf.py", wsgi_app], cwd=ROOT, env=env,
                                          stdout=log, stderr=subprocess.STDOUT)
            try:
                _wait_for(port)
                _wrk(port, 2, 4)  # every worker renders and stores the page
                html = subprocess.run(["curl", "-s", "-H", "Host: 127.0.0.1", f"http://127.0.0.1:{port}{PAGE}"],  # noqa: S603, S607
                                      capture_output=True, check=True).stdout
                app = _wrk(port, seconds, clients, server.pid)
            finally:
                server.terminate()
                server.wait(timeout=30)
            page = workdir / "static" / "en" / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            for path in (page.parent, page.parent.parent):
                os.chmod(path, 0o755)  # noqa: S103 — read by nginx's workers
            page.write_bytes(html)
            os.chmod(page, 0o644)
            static_port = _free_port()
            with _nginx(f"server {{ listen 127.0.0.1:{static_port}; root {workdir}/static; index index.html; }}\n",
                        workdir) as nginx:
                _wait_for(static_port)
                static = _wrk(static_port, seconds, clients, nginx.pid)
            results[name] = {"gunicorn": app, "nginx": static, "ratio_rps": round(app["rps"] / static["rps"], 3),
                             "ratio_cpu": round(static["cpu_us_per_request"] / app["cpu_us_per_request"], 3)}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["cpu", "servers"])
    parser.add_argument("--database", required=True)
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--only", default="", help="servers: only the variants whose name holds this text")
    args = parser.parse_args(argv)
    if args.what == "servers" and NGINX is None:
        print("nginx is not installed (Debian: apt-get install nginx-light wrk)")
        return 1
    result = cpu(args.database, args.calls) if args.what == "cpu" else servers(args.database, args.seconds, args.clients, args.only)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
