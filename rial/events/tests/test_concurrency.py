"""Two people taking the last place at once, and a cancellation racing a registration: the event's row lock
(SELECT … FOR UPDATE) decides them one after the other (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, transaction

from rial.events.models import Registration
from rial.events.services import register_self, registration_cancel
from rial.events.tests.factories import make_event

S = Registration.Status
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so two writers never overlap; "
           "the row lock (SELECT … FOR UPDATE) is tested on PostgreSQL",
)


def _race(first_action, second_action):
    """Run ``first_action`` in a transaction held open until ``second_action`` has started and waited."""
    first_done, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first():
        try:
            with transaction.atomic():
                outcome["first"] = first_action()
                first_done.set()
                release.wait(10)
        except Exception as exc:  # noqa: BLE001 - reported through the assertions
            outcome["first"] = exc
        finally:
            connection.close()

    def second():
        first_done.wait(10)
        try:
            outcome["second"] = second_action()
        except Exception as exc:  # noqa: BLE001
            outcome["second"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for worker in threads:
        worker.start()
    assert first_done.wait(10)
    time.sleep(0.5)
    second_was_waiting = threads[1].is_alive()
    release.set()
    for worker in threads:
        worker.join(20)
    return outcome, second_was_waiting


@pytest.mark.django_db(transaction=True)
def test_two_people_for_the_last_place_one_waits(member_co, focal_br):
    event = make_event(capacity=1)
    outcome, second_was_waiting = _race(lambda: register_self(event=event, user=member_co).status,
                                        lambda: register_self(event=event, user=focal_br).status)
    assert second_was_waiting
    assert (outcome["first"], outcome["second"]) == (S.CONFIRMED, S.WAITLISTED)
    assert event.registrations.holding_places().count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_racing_a_registration_gives_the_place_to_the_first_waiting(member_co, focal_br, cosate_rep):
    event = make_event(capacity=1)
    holder = register_self(event=event, user=member_co)
    waiting = register_self(event=event, user=focal_br)
    outcome, second_was_waiting = _race(lambda: registration_cancel(registration=holder, user=member_co),
                                        lambda: register_self(event=event, user=cosate_rep).status)
    assert second_was_waiting
    assert [r.pk for r in outcome["first"]] == [waiting.pk]
    # The newcomer arrived after the place had gone to the waiting list: they wait in turn.
    assert outcome["second"] == S.WAITLISTED
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED and event.registrations.holding_places().count() == 1
