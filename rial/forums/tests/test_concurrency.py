"""Two replies at the same moment get consecutive numbers: the second waits for the thread's row (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, transaction

from rial.forums.services import post_reply
from rial.forums.tests.factories import make_forum, make_thread

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so two writers never overlap; "
           "the row lock (SELECT … FOR UPDATE) is tested on PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_replies_are_numbered_one_after_the_other(focal_cl, member_co):
    thread = make_thread(make_forum(title="Busy"), focal_cl)
    first_written, release_first = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first():
        try:
            with transaction.atomic():
                outcome["first"] = post_reply(thread=thread, user=focal_cl, body="First").number
                first_written.set()
                release_first.wait(10)  # hold the thread's row, uncommitted, while the second one tries
        except Exception as exc:  # noqa: BLE001 - reported through the assertion below
            outcome["first"] = exc
        finally:
            connection.close()

    def second():
        first_written.wait(10)
        try:
            outcome["second"] = post_reply(thread=thread, user=member_co, body="Second").number
        except Exception as exc:  # noqa: BLE001
            outcome["second"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for worker in threads:
        worker.start()
    assert first_written.wait(10)
    time.sleep(0.5)
    second_was_waiting = threads[1].is_alive()
    release_first.set()
    for worker in threads:
        worker.join(20)

    assert (outcome["first"], outcome["second"]) == (2, 3)
    assert second_was_waiting
    thread.refresh_from_db()
    assert thread.post_count == 3 and list(thread.posts.values_list("number", flat=True)) == [1, 2, 3]
