"""The task worker's heartbeat: /healthz says stalled when no worker beats, and a task that a killed worker
left running is queued again and run once (rial/core/worker.py, `manage.py task_worker`)."""

import datetime
import os
import socket
import subprocess

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rial.core.models import WorkerHeartbeat
from rial.core.worker import beat, live_workers, requeue_abandoned

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])  # noqa: S603, S607 - a process that is gone once waited for
    process.wait()
    return process.pid


def _running_task(worker_id: str) -> DBTaskResult:
    from rial.core.tests.tasks_for_tests import record_once

    result = DBTaskResult.objects.get(id=record_once.using(backend="default").enqueue("k1").id)
    result.claim(worker_id)
    return result


def test_no_heartbeat_means_the_worker_is_stalled(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.RIAL_WORKER_STALE = 60
    assert client.get("/healthz").json()["worker"] == "stalled"
    beat("w1", started_at=timezone.now())
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok", "worker": "ok"}
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - datetime.timedelta(seconds=61))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"] == "stalled"


def test_a_fresh_row_of_a_process_gone_from_this_machine_is_not_alive(settings):
    settings.RIAL_WORKER_STALE = 60
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="gone", hostname=socket.gethostname(), pid=_dead_pid(),
                                   started_at=now, beat_at=now)
    WorkerHeartbeat.objects.create(worker_id="elsewhere", hostname="another-machine", pid=_dead_pid(),
                                   started_at=now, beat_at=now)
    beat("me", started_at=now)
    assert live_workers() == {"me", "elsewhere"}


def test_a_task_of_a_dead_worker_is_queued_again_and_a_live_worker_s_is_not(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.RIAL_WORKER_STALE = 60
    now = timezone.now()
    beat("alive", started_at=now)
    WorkerHeartbeat.objects.create(worker_id="dead", hostname="another-machine", pid=1, started_at=now,
                                   beat_at=now - datetime.timedelta(seconds=120))
    of_live = _running_task("alive")
    of_dead = _running_task("dead")
    of_unknown = _running_task("never-beat")

    requeued = requeue_abandoned()

    assert sorted(requeued) == sorted([str(of_dead.id), str(of_unknown.id)])
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[of_live.id] == TaskResultStatus.RUNNING
    assert statuses[of_dead.id] == statuses[of_unknown.id] == TaskResultStatus.READY
    assert not WorkerHeartbeat.objects.filter(worker_id="dead").exists()


@pytest.mark.django_db(transaction=True)  # the worker manages its connections as a worker process does
def test_a_worker_killed_mid_task_is_replaced_and_the_task_runs_once(settings):
    """What systemd does after a SIGKILL: a new worker starts, takes the task back at once and runs it;
    the email the task sends goes out once even though the first run got as far as sending it."""
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from rial.core.tests.tasks_for_tests import record_once

    # The killed worker: it claimed the task, sent the email and died before recording the task's end.
    result = DBTaskResult.objects.get(id=record_once.using(backend="default").enqueue("k1").id)
    killed_pid = _dead_pid()
    WorkerHeartbeat.objects.create(worker_id="killed", hostname=socket.gethostname(), pid=killed_pid,
                                   started_at=timezone.now(), beat_at=timezone.now())
    result.claim("killed")
    record_once.call("k1")
    assert len(mail.outbox) == 1

    call_command("task_worker", "--batch", "--no-startup-delay", "--no-reload", "--worker-id", "restarted",
                 verbosity=0)

    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids == ["killed", "restarted"]
    assert len(mail.outbox) == 1
    assert not WorkerHeartbeat.objects.exists()  # the batch worker removed its row; the dead one's is gone


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_keeps_a_heartbeat_while_it_runs(settings):
    settings.TASKS = DATABASE_QUEUE
    from rial.core.tests.tasks_for_tests import seen_heartbeats

    record = DBTaskResult.objects.get(id=seen_heartbeats.using(backend="default").enqueue().id)
    call_command("task_worker", "--batch", "--no-startup-delay", "--no-reload", "--worker-id", "w-beating",
                 verbosity=0)
    record.refresh_from_db()
    assert record.status == TaskResultStatus.SUCCESSFUL
    assert record.return_value == [["w-beating", os.getpid()]]


def test_a_task_stopped_by_a_database_outage_goes_back_to_the_queue_not_to_failed(settings):
    """The library's worker records such a task FAILED (never run again) and then exits; ours waits for the
    database and queues the task again."""
    settings.TASKS = DATABASE_QUEUE
    from rial.core.management.commands.task_worker import DatabaseOutage, HeartbeatWorker
    from rial.core.tests.tasks_for_tests import meets_a_database_outage
    from rial.core.worker import requeue_own

    result = DBTaskResult.objects.get(id=meets_a_database_outage.using(backend="default").enqueue().id)
    result.claim("w-outage")
    worker = HeartbeatWorker(queue_names=["default"], interval=0, batch=True, backend_name="default",
                             startup_delay=False, max_tasks=None, worker_id="w-outage", excluded_queue_names=[])
    with pytest.raises(DatabaseOutage):
        worker.run_task(result)
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING

    assert requeue_own("w-outage") == 1
    result.refresh_from_db()
    assert result.status == TaskResultStatus.READY
