"""The task worker's heartbeat, and tasks taken back from workers that died in the middle of them.

django-tasks-db marks a task RUNNING when a worker claims it and SUCCESSFUL or FAILED when it ends. A worker
killed in between (SIGKILL, the machine lost, out of memory) leaves the task RUNNING for ever: nothing would
run it again. So every worker process keeps a row in :class:`~rial.core.models.WorkerHeartbeat` fresh from a
thread of its own, and a task left RUNNING by a worker that no longer beats is put back in the queue:

- by any worker, every beat, once the dead worker's row is older than ``RIAL_WORKER_STALE`` seconds;
- at once by a worker starting on the same machine, when the dead worker's process is gone (the service
  manager restarting a killed worker does not wait for its row to go stale).

A task may then run a second time after its first run did part of its work, so tasks are idempotent: each
one checks, in the transaction that does the work, whether it was done (e.g. an email sent once per key:
``rial.core.emails.send_email(once=...)``).
"""

import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from rial.core.models import WorkerHeartbeat

logger = logging.getLogger("rial.worker")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user holds the pid
    return True


def beat(worker_id: str, *, started_at: datetime.datetime) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "started_at": started_at, "beat_at": now})


def live_workers(now: datetime.datetime | None = None) -> set[str]:
    """Worker ids whose heartbeat is fresh and, on this machine, whose process still exists."""
    now = now or timezone.now()
    stale_before = now - datetime.timedelta(seconds=settings.RIAL_WORKER_STALE)
    host = socket.gethostname()
    live = set()
    for worker_id, hostname, pid in WorkerHeartbeat.objects.filter(beat_at__gte=stale_before).values_list(
            "worker_id", "hostname", "pid"):
        if hostname == host and not _process_alive(pid):
            continue
        live.add(worker_id)
    return live


def requeue_abandoned() -> list[str]:
    """Put back in the queue every task left RUNNING by a worker that is not alive; returns their ids.

    A task whose row is locked is being finished right now by its worker (it saves its result): skipped.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    live = live_workers()
    requeued = []
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for result in running:
            owner = result.worker_ids[-1] if result.worker_ids else None
            if owner in live:
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            requeued.append(str(result.id))
    # Rows of dead workers: gone once nothing of theirs is left running.
    stale_before = timezone.now() - datetime.timedelta(seconds=settings.RIAL_WORKER_STALE)
    host = socket.gethostname()
    for row in WorkerHeartbeat.objects.exclude(worker_id__in=live):
        if row.beat_at < stale_before or (row.hostname == host and not _process_alive(row.pid)):
            row.delete()
    if requeued:
        logger.warning("tasks left running by a worker that died, queued again: %s", ", ".join(requeued))
    return requeued


def requeue_own(worker_id: str) -> int:
    """Put back in the queue what this worker left RUNNING when the database went away mid-task."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    count = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            if result.worker_ids and result.worker_ids[-1] == worker_id:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                count += 1
    if count:
        logger.warning("%d task(s) interrupted by the database outage queued again", count)
    return count


class Heartbeat:
    """A thread renewing one worker's row (and taking back dead workers' tasks) until stopped."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{worker_id}", daemon=True)

    def start(self) -> None:
        # The first beat and the recovery happen before the worker claims anything: a task it claims is
        # never mistaken for a dead worker's.
        beat(self.worker_id, started_at=self.started_at)
        requeue_abandoned()
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(settings.RIAL_WORKER_HEARTBEAT):
            try:
                close_old_connections()
                beat(self.worker_id, started_at=self.started_at)
                requeue_abandoned()
            except Exception:  # noqa: BLE001 - the database may be away for a while; beat again next time
                logger.warning("worker heartbeat failed", exc_info=True)
            finally:
                connection.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=settings.RIAL_WORKER_HEARTBEAT + 5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception:  # noqa: BLE001 - the row goes stale by itself
            logger.warning("could not remove the heartbeat of worker %s", self.worker_id, exc_info=True)
