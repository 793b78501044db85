"""PostgreSQL connections stay bounded under a threaded server: every thread borrows from one pool.

A thread per request, each with its own connection, uses as many server connections as there are
concurrent requests; 40 clients then exhaust the server's slots ("too many clients already").
"""

import threading
import time
import urllib.request

import psycopg
import pytest
from django.db import connection

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="connection pooling is PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]

CLIENTS = 24
REQUESTS_EACH = 4
# The bound the deployment promises per process (settings: DB_POOL_MAX_SIZE).
DEFAULT_BOUND = 8


def _server_connections(sampler, database: str) -> int:
    row = sampler.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database]
    ).fetchone()
    return row[0]


def test_many_concurrent_requests_use_at_most_the_pool_s_connections(live_server):
    pool = connection.settings_dict.get("OPTIONS", {}).get("pool") or {}
    bound = pool.get("max_size", DEFAULT_BOUND) if isinstance(pool, dict) else DEFAULT_BOUND
    database = connection.settings_dict["NAME"]
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("pool", None)
    params["dbname"] = database

    peak = 0
    errors: list[str] = []
    done = threading.Event()

    with psycopg.connect(**params, autocommit=True) as sampler:

        def sample():
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _server_connections(sampler, database))
                time.sleep(0.005)

        def client():
            for _request in range(REQUESTS_EACH):
                try:
                    with urllib.request.urlopen(f"{live_server.url}/api/v1/programs?limit=20", timeout=60) as answer:  # noqa: S310
                        answer.read()
                except Exception as exc:  # noqa: BLE001 - every failure is reported below
                    errors.append(repr(exc))

        watcher = threading.Thread(target=sample)
        watcher.start()
        clients = [threading.Thread(target=client) for _index in range(CLIENTS)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        done.set()
        watcher.join()
        idle_after = _server_connections(sampler, database)

    assert errors == []
    assert peak <= bound, f"{peak} server connections for {CLIENTS} concurrent clients (bound {bound})"
    assert idle_after <= bound
