"""A registration email is sent once per queued task, even when the task runs again because the worker that
first ran it was killed after sending (the restarted worker queues it again: rial/core/worker.py)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rial.directory.models import Institution
from rial.events.services import Attendee, register_delegation
from rial.events.tasks import send_registration_email
from rial.events.tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_task_run_again_after_a_kill_sends_nothing_twice(focal_cl, settings):
    settings.TASKS = DATABASE_QUEUE
    event = make_event(title="Taller de prueba")
    [registration] = register_delegation(event=event, user=focal_cl,
                                         institution=Institution.objects.get(slug="ministry-cl"),
                                         attendees=[Attendee("Ana Pérez", "ana@example.cl", "es")])
    queued = DBTaskResult.objects.filter(task_path__endswith="send_registration_email")
    assert queued.count() == 1  # queued on commit by the registration
    first = queued.get()
    # A second, separate email for the same registration is a task of its own and does go out.
    second = DBTaskResult.objects.get(id=send_registration_email.enqueue(registration.pk, "confirmed").id)

    # The first worker claimed the first task, sent its email and was killed before recording the end.
    first.claim("killed-worker")
    send_registration_email.call(TaskContext(task_result=first.task_result), registration.pk, "registered")
    assert len(mail.outbox) == 1

    call_command("task_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == TaskResultStatus.SUCCESSFUL
    assert len(first.worker_ids) == 2  # run again by the new worker
    assert len(mail.outbox) == 2
    assert [m.to for m in mail.outbox] == [["ana@example.cl"], ["ana@example.cl"]]
    assert mail.outbox[0].extra_headers["Message-ID"] != mail.outbox[1].extra_headers["Message-ID"]
