"""The review workflow tells the Secretariat what to review and the ministry what became of its program,
each once, in the recipient's language, with a link to the program."""

import pytest
from django.core import mail

from rial.notifications.models import Notification
from rial.portfolio import notices, services
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(focal_cl):
    return ProgramFactory(name_en="Youth bridge", status=Program.Status.DRAFT, last_reviewed_at=None)


def test_a_submitted_program_is_announced_to_the_secretariat_once(draft, focal_cl, secretariat, focal_br,
                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.program_submit(program=draft, user=focal_cl)
    [notification] = Notification.objects.filter(kind="portfolio.program.submitted")
    assert notification.user == secretariat
    assert notification.subject == "Program to review: Youth bridge"
    assert notification.url == f"/en/programs/{draft.pk}/"
    assert [message.to for message in mail.outbox] == [[secretariat.email]]
    assert f"/en/programs/{draft.pk}/" in mail.outbox[0].body
    assert mail.outbox[0].alternatives  # the HTML part
    notices.program_submitted(draft)  # the same step again (a retried task)
    assert Notification.objects.filter(kind="portfolio.program.submitted").count() == 1


def test_returned_and_published_reach_the_focal_points_in_their_language(draft, focal_cl, focal_br, secretariat):
    focal_cl.preferred_language = "es"
    focal_cl.save()
    services.program_submit(program=draft, user=focal_cl)
    services.program_return(program=draft, user=secretariat, comment="Add the budget.")
    [returned] = Notification.objects.filter(kind="portfolio.program.returned")
    assert returned.user == focal_cl and returned.language == "es"
    assert returned.subject == "Programa devuelto con comentarios: Youth bridge"
    assert "Add the budget." in returned.body and returned.url == f"/es/programs/{draft.pk}/"
    # A second round is a new event: the Secretariat hears of it again.
    services.program_submit(program=draft, user=focal_cl)
    assert Notification.objects.filter(kind="portfolio.program.submitted").count() == 2
    services.program_publish(program=draft, user=secretariat)
    [published] = Notification.objects.filter(kind="portfolio.program.published")
    assert published.user == focal_cl and published.subject == "Programa publicado: Youth bridge"
    assert not Notification.objects.filter(user=focal_br).exists()  # Brazil's focal point is not concerned
