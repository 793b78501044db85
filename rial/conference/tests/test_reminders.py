"""Due-date reminders go to whoever owns the next report, once per due date."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from rial.conference.models import Mandate
from rial.conference.tasks import send_due_reminders
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminders as the daily job does: the emails leave once its transaction commits."""
    def run(command=False):
        with django_capture_on_commit_callbacks(execute=True):
            if command:
                call_command("send_mandate_reminders", stdout=StringIO())
            else:
                send_due_reminders.call()
    return run


@pytest.fixture
def due_mandate(focal_cl):
    plan = factories.plan()
    group = factories.group(plan.conference, 1, chair="Chile")
    return factories.mandate(plan, group, due_date=factories.due(10), due_text="by next month")


def test_the_group_authorities_focal_points_are_reminded_once(due_mandate, focal_br, remind):
    remind()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["focal-cl@example.org"]
    assert "due on" in mail.outbox[0].subject and due_mandate.get_absolute_url() in mail.outbox[0].body
    remind()
    assert len(mail.outbox) == 1


def test_a_new_due_date_starts_a_new_cycle(due_mandate, remind):
    remind()
    Mandate.objects.filter(pk=due_mandate.pk).update(due_date=factories.due(20))
    remind()
    assert len(mail.outbox) == 2


def test_done_and_far_mandates_are_not_reminded(due_mandate, remind):
    factories.mandate(due_mandate.plan, due_mandate.group, due_date=factories.due(200))
    Mandate.objects.filter(pk=due_mandate.pk).update(status=Mandate.Status.DONE, progress=100)
    remind()
    assert mail.outbox == []


def test_the_command_queues_the_task(due_mandate, remind):
    remind(command=True)
    assert len(mail.outbox) == 1  # tests run tasks immediately
