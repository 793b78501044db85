"""/healthz for the load balancer and the monitoring: database, cache and task worker, as JSON.

200 when all three work, 503 (with the failing part named) otherwise. The worker is judged by the queue
it works: a task due for longer than RIAL_WORKER_MAX_DELAY seconds and not started means no worker is
taking tasks (dead, or too few for the load). Nothing private is shown; errors are logged, not returned.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger("rial.health")


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    key, value = "healthz:" + uuid.uuid4().hex, uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    ok = cache.get(key) == value
    cache.delete(key)
    return "ok" if ok else "failing"


def _worker() -> str:
    if "DatabaseBackend" not in settings.TASKS["default"]["BACKEND"]:
        return "not used"
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    due_before = timezone.now() - datetime.timedelta(seconds=settings.RIAL_WORKER_MAX_DELAY)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__lte=due_before).exists()
    return "stalled" if waiting else "ok"


CHECKS = {"database": _database, "cache": _cache, "worker": _worker}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    answer = {}
    for name, check in CHECKS.items():
        try:
            answer[name] = check()
        except Exception:  # noqa: BLE001 - any failure is the answer; the traceback goes to the log
            logger.exception("health check %s failed", name)
            answer[name] = "failing"
    healthy = all(state in {"ok", "not used"} for state in answer.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **answer}, status=200 if healthy else 503)
