"""`make worker`: django-tasks-db's ``db_worker`` with a heartbeat, and tasks of dead workers queued again.

Same options as ``db_worker`` (``--interval``, ``--queue-name``, ``--max-tasks``…). Run it instead of
``db_worker``: without the heartbeat /healthz reports the worker stalled, and a task whose worker was
killed stays RUNNING for ever (rial/core/worker.py).
"""

from django_tasks_db.management.commands import db_worker

from rial.core.worker import Heartbeat


class HeartbeatWorker(db_worker.Worker):
    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        try:
            super().run()
        finally:
            heartbeat.stop()


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
