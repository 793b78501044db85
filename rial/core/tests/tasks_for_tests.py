"""Tasks the worker tests enqueue (a task is found by its import path)."""

from django_tasks import task

from rial.core.emails import Recipient, send_email
from rial.core.models import WorkerHeartbeat


@task()
def record_once(key: str) -> None:
    send_email(template="core/email/test_message", recipient=Recipient(email="someone@example.org"),
               context={"key": key}, once=f"test:{key}")


@task()
def seen_heartbeats() -> list:
    return [list(row) for row in WorkerHeartbeat.objects.values_list("worker_id", "pid")]


@task()
def meets_a_database_outage() -> None:
    from django.db import OperationalError

    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
