"""`make worker`: django-tasks-db's ``db_worker`` with a heartbeat, tasks of dead workers queued again, and a
database outage waited out.

Same options as ``db_worker`` (``--interval``, ``--queue-name``, ``--max-tasks``…). Run it instead of
``db_worker``: without the heartbeat /healthz reports the worker stalled, a task whose worker was killed
stays RUNNING for ever, and the library's worker exits at the first database error (rial/core/worker.py).
"""

import logging
import time

from django.db import InterfaceError, OperationalError, close_old_connections
from django_tasks_db.management.commands import db_worker

from rial.core.worker import Heartbeat, requeue_own

logger = logging.getLogger("rial.worker")
OUTAGE_PAUSE_SECONDS = 2
DATABASE_ERRORS = (OperationalError, InterfaceError)


class DatabaseOutage(Exception):
    """A task stopped by the database going away: not its failure; it runs again once the database is back."""


class HeartbeatWorker(db_worker.Worker):
    def run_task(self, db_task_result) -> None:
        record_failure = db_task_result.set_failed

        def set_failed(exc: BaseException) -> None:
            if isinstance(exc, DATABASE_ERRORS):
                raise DatabaseOutage(str(exc)) from exc  # left RUNNING under this worker: queued again below
            record_failure(exc)

        db_task_result.set_failed = set_failed
        super().run_task(db_task_result)

    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        try:
            while True:
                try:
                    super().run()
                    return
                except (*DATABASE_ERRORS, DatabaseOutage) as error:
                    # The database restarting or failing over: the library's worker would exit here. Wait
                    # for it instead; a task the outage interrupted goes back to the queue, not to FAILED.
                    if not self.running:
                        return
                    logger.warning("database unavailable, the worker waits: %s", str(error).splitlines()[0])
                    self._wait_for_database()
        finally:
            heartbeat.stop()

    def _wait_for_database(self) -> None:
        while self.running:
            close_old_connections()
            time.sleep(OUTAGE_PAUSE_SECONDS)
            try:
                requeue_own(self.worker_id)
                return
            except DATABASE_ERRORS:
                continue


class Command(db_worker.Command):
    help = "Work the task queue, keeping a heartbeat; tasks left running by a dead worker are run again."

    def handle(self, *args, **options):
        # The library's command builds its Worker by name from its module: give it ours for this run.
        original = db_worker.Worker
        db_worker.Worker = HeartbeatWorker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
