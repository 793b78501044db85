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


def test_running_the_task_twice_sends_one_email_per_focal_point(focal_cl, focal_br):
    ProgramFactory(name_en="Stale one", last_reviewed_at=OLD)
    ProgramFactory(name_en="Stale two", last_reviewed_at=OLD)
    ProgramFactory(name_en="Fresh")
    ProgramFactory(name_en="Brazil fresh", ministry=ministry("BR"))
    send_review_reminders.enqueue()
    send_review_reminders.enqueue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [focal_cl.email]
    assert "Stale one" in message.body and "Stale two" in message.body and "Fresh" not in message.body


def test_a_new_cycle_after_review_sends_again(focal_cl, secretariat):
    program = ProgramFactory(last_reviewed_at=OLD)
    call_command("portfolio_review_reminders")
    assert len(mail.outbox) == 1
    services.program_confirm_review(program=program, user=secretariat)
    call_command("portfolio_review_reminders")
    assert len(mail.outbox) == 1  # reviewed: not due any more
    program.refresh_from_db()
    program.last_reviewed_at = OLD - datetime.timedelta(days=1)  # a later cycle falls due
    program.save()
    call_command("portfolio_review_reminders")
    assert len(mail.outbox) == 2


def test_the_reminder_is_written_in_the_focal_points_language(focal_cl):
    focal_cl.preferred_language = "es"
    focal_cl.save()
    ProgramFactory(last_reviewed_at=OLD)
    send_review_reminders.enqueue()
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
