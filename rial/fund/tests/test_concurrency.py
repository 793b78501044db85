"""Two people recording expenses at the same moment cannot take a balance below zero (PostgreSQL)."""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from rial.fund.services import balance
from rial.fund.tests.factories import contribution, expense

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for each write, so two writers never overlap; "
           "the row lock (SELECT … FOR UPDATE) is tested on PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_the_second_of_two_simultaneous_expenses_waits_and_is_refused(secretariat):
    contribution(secretariat, "110.00", currency="JMD", usd_value="0.70", iso2="JM")
    expense(secretariat, "10.00", currency="JMD", usd_value="0.06")  # the currency's lock row now exists
    first_written, release_first = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first():
        try:
            with transaction.atomic():
                expense(secretariat, "60.00", currency="JMD", usd_value="0.38")
                first_written.set()
                release_first.wait(10)  # hold the lock, uncommitted, while the second one tries
            outcome["first"] = "saved"
        except Exception as exc:  # noqa: BLE001 - reported through the assertion below
            outcome["first"] = exc
        finally:
            connection.close()

    def second():
        first_written.wait(10)
        try:
            expense(secretariat, "60.00", currency="JMD", usd_value="0.38")
            outcome["second"] = "saved"
        except ValidationError as exc:
            outcome["second"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_written.wait(10)
    time.sleep(0.5)
    second_was_waiting = threads[1].is_alive()  # blocked on the currency's lock row
    release_first.set()
    for thread in threads:
        thread.join(20)

    assert outcome["first"] == "saved"
    assert isinstance(outcome["second"], ValidationError)
    assert "below zero" in str(outcome["second"])
    assert second_was_waiting
    assert balance("JMD") == Decimal("40.00")
