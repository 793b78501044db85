"""/healthz answers 200 when the database, the cache and the task worker work, 503 naming what fails."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rial.core.worker import beat

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_healthy_platform_answers_200(client, settings):
    settings.TASKS = DATABASE_QUEUE
    beat("worker-1", started_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "worker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def _task(**fields):
    return DBTaskResult.objects.create(task_path="rial.notifications.tasks.send_email", args_kwargs={"args": [],
                                       "kwargs": {}}, backend_name="default", exception_class_path="", traceback="",
                                       **fields)


def test_a_task_waiting_long_past_its_time_means_the_worker_is_down(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.RIAL_WORKER_MAX_DELAY = 300
    beat("worker-1", started_at=timezone.now())
    _task(run_after=timezone.now() - datetime.timedelta(seconds=60))  # just queued: fine
    assert client.get("/healthz").status_code == 200
    _task(run_after=timezone.now() - datetime.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"] == "stalled"


def test_a_cache_that_keeps_nothing_fails_the_check(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
    assert response.json()["database"] == "ok"
