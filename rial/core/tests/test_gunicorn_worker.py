"""The production server's worker lets a process with a thread free take each new connection first
(rial/core/gunicorn_worker.py), and a busy process still accepts it after a moment: nothing is refused."""

import logging
import os
import socket

import pytest
from gunicorn.config import Config
from gunicorn.workers.gthread import ThreadWorker

from rial.core import gunicorn_worker
from rial.core.gunicorn_worker import BalancedThreadWorker


def _worker(*, workers: int = 2, threads: int = 2) -> BalancedThreadWorker:
    cfg = Config()
    cfg.set("workers", workers)
    cfg.set("threads", threads)
    return BalancedThreadWorker(1, os.getpid(), [], None, 30, cfg, logging.getLogger("test"))


@pytest.mark.parametrize(("busy", "wait"), [(0, 0.0), (1, 0.0), (2, 0.001), (5, 0.004), (50, 0.010)])
def test_a_process_waits_only_when_its_threads_are_all_busy(busy, wait):
    worker = _worker(threads=2)
    worker.busy = busy
    assert worker.accept_wait() == wait


def test_a_single_process_never_waits():
    worker = _worker(workers=1, threads=2)
    worker.busy = 5
    assert worker.accept_wait() == 0.0


def test_a_busy_process_accepts_the_connection_after_its_wait(monkeypatch):
    handed = []
    slept = []
    monkeypatch.setattr(ThreadWorker, "enqueue_req", lambda self, conn: handed.append(conn))
    monkeypatch.setattr(gunicorn_worker.time, "sleep", slept.append)
    worker = _worker(threads=2)
    worker.busy = 2
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        client = socket.create_connection(listener.getsockname())
        try:
            worker.accept(listener)
        finally:
            client.close()
            for conn in handed:
                conn.sock.close()
    assert slept == [0.001]
    assert len(handed) == 1 and worker.nr_conns == 1 and worker.busy == 3


def test_requests_finished_free_their_threads(monkeypatch):
    monkeypatch.setattr(ThreadWorker, "enqueue_req", lambda self, conn: None)
    monkeypatch.setattr(ThreadWorker, "finish_request", lambda self, conn, fs: None)
    worker = _worker(threads=2)
    worker.enqueue_req(object())
    worker.enqueue_req(object())
    assert worker.accept_wait() == 0.001
    worker.finish_request(object(), None)
    assert worker.busy == 1 and worker.accept_wait() == 0.0
