import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rial.portfolio import services
from rial.portfolio.tasks import send_review_reminders
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db
OLD = timezone.localdate() - datetime.timedelta(days=400)


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminders as the daily job does: the emails leave once its transaction commits."""
    def run(command=False):
        with django_capture_on_commit_callbacks(execute=True):
            if command:
                call_command("portfolio_review_reminders")
            else:
                send_review_reminders.enqueue()
    return run


def test_running_the_task_twice_sends_one_email_per_focal_point(focal_cl, focal_br, remind):
    ProgramFactory(name_en="Stale one", last_reviewed_at=OLD)
    ProgramFactory(name_en="Stale two", last_reviewed_at=OLD)
    ProgramFactory(name_en="Fresh")
    ProgramFactory(name_en="Brazil fresh", ministry=ministry("BR"))
    remind()
    remind()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [focal_cl.email]
    assert "Stale one" in message.body and "Stale two" in message.body and "Fresh" not in message.body


def test_a_new_cycle_after_review_sends_again(focal_cl, secretariat, remind):
    program = ProgramFactory(last_reviewed_at=OLD)
    remind(command=True)
    assert len(mail.outbox) == 1
    services.program_confirm_review(program=program, user=secretariat)
    remind(command=True)
    assert len(mail.outbox) == 1  # reviewed: not due any more
    program.refresh_from_db()
    program.last_reviewed_at = OLD - datetime.timedelta(days=1)  # a later cycle falls due
    program.save()
    remind(command=True)
    assert len(mail.outbox) == 2


def test_the_reminder_is_written_in_the_focal_points_language(focal_cl, remind):
    focal_cl.preferred_language = "es"
    focal_cl.save()
    ProgramFactory(last_reviewed_at=OLD)
    remind()
    assert "revisión" in mail.outbox[0].subject


def test_a_stale_program_is_flagged_on_its_page_and_in_the_queue(client, secretariat_client):
    program = ProgramFactory(name_en="Stale", last_reviewed_at=OLD)
    ProgramFactory(name_en="Fresh")
    page = client.get(reverse("portfolio:detail", args=[program.pk])).content.decode()
    assert "has not been reviewed for more than twelve months" in page
    queue = secretariat_client.get(reverse("portfolio:review_queue"))
    assert [p.name for p in queue.context["due"]] == ["Stale"]


def test_a_fresh_program_is_not_flagged(client):
    program = ProgramFactory()
    page = client.get(reverse("portfolio:detail", args=[program.pk])).content.decode()
    assert "has not been reviewed" not in page


def test_the_queue_says_when_the_focal_points_were_reminded_this_cycle(focal_cl, secretariat_client, remind):
    program = ProgramFactory(last_reviewed_at=OLD)
    assert "focal points reminded" not in secretariat_client.get(reverse("portfolio:review_queue")).content.decode()
    remind()
    assert "focal points reminded" in secretariat_client.get(reverse("portfolio:review_queue")).content.decode()
    program.refresh_from_db()
    program.last_reviewed_at = OLD - datetime.timedelta(days=30)  # another cycle: not reminded yet
    program.save()
    assert "focal points reminded" not in secretariat_client.get(reverse("portfolio:review_queue")).content.decode()
