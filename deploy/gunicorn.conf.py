"""gunicorn's settings for the platform (`make serve`, deploy/systemd/rial-web.service).

Threads within a few processes: each process keeps one PostgreSQL connection pool (DB_POOL_MAX_SIZE,
8 by default), so threads per process stay at or below the pool size and requests never wait for a
connection. Every value can be set from the environment without editing this file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
# gthread, with each new connection going to a process that has a thread free (its docstring).
worker_class = "rial.core.gunicorn_worker.BalancedThreadWorker"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request longer than this is killed and logged (an upload of RIAL_MAX_UPLOAD_BYTES on a slow line
# is buffered by nginx first, so the application never waits for the client).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle processes now and then: memory that a large import or export grew is given back. Not too often:
# a new process loads the application again (about 0.8 s of CPU) and starts with an empty page cache; every
# 2,000 requests that cost about 380 µs of CPU per request on cached pages, 2 to 3 times what serving them
# costs (docs/performance.md, "Anonymous page cache").
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10
# Logs on standard output (the journal); the application's own lines are JSON (settings.LOGGING).
# The access line costs each request its formatting and a write to the journal (docs/performance.md,
# "Anonymous page cache"); GUNICORN_ACCESS_LOG=0 leaves it to nginx's own access log in front.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") != "0" else None
errorlog = "-"
access_log_format = ('{"time": "%(t)s", "logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", '
                     '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, "agent": "%(a)s"}')
# nginx in front sets X-Forwarded-For and X-Forwarded-Proto; only it may (the app listens on 127.0.0.1).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "rial"
