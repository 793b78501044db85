"""The production application server starts with the deployment's configuration and serves the platform."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_the_health_check_with_the_security_headers(tmp_path):
    port = _free_port()
    environment = {
        **os.environ, "DEBUG": "0", "RIAL_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2", "DJANGO_SETTINGS_MODULE": "rial.settings",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen([str(gunicorn), "--config", "deploy/gunicorn.conf.py", "rial.wsgi"],  # noqa: S603
                              cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:  # noqa: S310
                    body, headers = json.loads(answer.read()), answer.headers
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer within 90 seconds"
                time.sleep(0.5)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert body == {"status": "ok", "database": "ok", "cache": "ok", "worker": "not used"}
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "Using worker: rial.core.gunicorn_worker.BalancedThreadWorker" in output  # the configuration file was read
