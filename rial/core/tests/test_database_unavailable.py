"""A database that cannot be reached: pages answer a translated 503 maintenance page, the API a JSON 503.

The production server runs against a PostgreSQL address where nothing listens (a port this test reserved
and closed), so every request that needs the database fails to connect, as during a restart or failover.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed on leaving: nothing listens there afterwards


def _get(url: str, **headers) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_pages_and_api_answer_503_while_the_database_is_unreachable(tmp_path):
    port, database_port = _closed_port(), _closed_port()
    environment = {
        **os.environ, "DEBUG": "0", "RIAL_VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://rial@127.0.0.1:{database_port}/rial", "DB_POOL_TIMEOUT": "2",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2", "DJANGO_SETTINGS_MODULE": "rial.settings",
        "ADMINS": "", "LOG_FORMAT": "text",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen([str(gunicorn), "--config", "deploy/gunicorn.conf.py", "rial.wsgi"],  # noqa: S603
                              cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not listen within 90 seconds"
                time.sleep(0.5)
        page = _get(f"http://127.0.0.1:{port}/es/programs/")
        english_page = _get(f"http://127.0.0.1:{port}/en/")
        api = _get(f"http://127.0.0.1:{port}/api/v1/programs", **{"Accept-Language": "fr"})
        health = _get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()

    status, headers, body = page
    assert status == 503, body
    assert headers["Retry-After"] == "30"
    assert headers["Content-Type"].startswith("text/html")
    assert '<html lang="es">' in body
    assert "Nada de lo que envió quedó a medio guardar" in body
    requests_log = output.split("health check database failed")[0]  # /healthz logs its failure with the traceback
    assert "Internal Server Error" not in requests_log and "Traceback" not in requests_log, requests_log

    status, headers, body = english_page
    assert status == 503
    assert "Nothing you sent was half-saved" in body

    status, headers, body = api
    assert status == 503
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["detail"].startswith("La plateforme est brièvement indisponible")
    assert headers["Retry-After"] == "30"

    status, _headers, body = health
    assert status == 503
    assert json.loads(body)["database"] == "failing"
    assert "database unavailable: GET /es/programs/" in output


def test_the_driver_s_own_error_raised_while_a_page_renders_is_a_503_too(rf):
    """Rows read while a template renders can raise psycopg's error unwrapped when the server goes away."""
    import psycopg

    from rial.core.errors import server_error

    for path in ("/en/programs/", "/api/v1/programs"):
        try:
            raise psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly")
        except psycopg.OperationalError:
            response = server_error(rf.get(path))
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
    try:
        raise ValueError("a fault of ours")
    except ValueError:
        assert server_error(rf.get("/en/programs/")).status_code == 500
