"""A person's desk keeps what the apps found in public tables until the next committed write (for that person, day
and language), and reads their unread notifications on every visit."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import login
from rial.notifications.models import Notification
from rial.portal.tests.test_desk import work
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

# These tests commit (transaction=True): a test's own uncommitted writes make the desk be built afresh.
pytestmark = pytest.mark.django_db(transaction=True)


def _desk(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("portal:desk"))
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def _reads(statements: list[str], table: str) -> bool:
    return any(f'FROM "{table}"' in sql for sql in statements)


def test_the_desk_is_kept_until_a_committed_write_and_shows_it_then(secretariat, focal_cl, focal_br):
    work(secretariat, focal_cl, focal_br)
    client = login(Client(), focal_cl)
    first, statements = _desk(client)
    assert "Returned 0" in first and "Overdue mandate 0" in first and "Asks Chile 0" in first
    assert _reads(statements, "portfolio_program")
    again, statements = _desk(client)
    assert not _reads(statements, "portfolio_program") and not _reads(statements, "conference_mandate")
    assert "Returned 0" in again and "Overdue mandate 0" in again
    ProgramFactory(name_en="Returned after the first visit", status=Program.Status.RETURNED)  # committed
    after, statements = _desk(client)
    assert "Returned after the first visit" in after and _reads(statements, "portfolio_program")


def test_unread_notifications_are_read_on_every_visit(focal_cl):
    client = login(Client(), focal_cl)
    _desk(client)
    # A notification is written to a private table, which does not replace the token: still shown at once.
    Notification.objects.create(user=focal_cl, language="en", kind="test", key="desk-1",
                                subject="A notice written after the first visit", body="")
    page, statements = _desk(client)
    assert "A notice written after the first visit" in page and _reads(statements, "notifications_notification")


def test_each_person_has_their_own_desk(secretariat, focal_cl, focal_br):
    work(secretariat, focal_cl, focal_br)
    chile, _ = _desk(login(Client(), focal_cl))
    brazil, _ = _desk(login(Client(), focal_br))
    secretariat_desk, _ = _desk(login(Client(), secretariat))
    assert "Returned 0" in chile and "Returned 0" not in brazil
    assert "Submitted 0" in secretariat_desk and "Submitted 0" not in chile


def test_the_desk_is_kept_in_each_language(secretariat, focal_cl, focal_br):
    work(secretariat, focal_cl, focal_br)
    client = login(Client(), focal_cl)
    english = client.get("/en/desk/").content.decode()
    spanish = client.get("/es/desk/").content.decode()
    assert "Mandates of the Plan of Action" in english and "Mandates of the Plan of Action" not in spanish
