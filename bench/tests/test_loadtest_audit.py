"""The load test's audit finds a record changed without its history version, and a version without its
record (bench/loadtest.py ``audit_history``); the figures of the load test itself are never tested."""

import datetime

import pytest

from bench.loadtest import audit_history
from rial.cooperation import services
from rial.cooperation.models import Call

pytestmark = pytest.mark.django_db


def _call(secretariat, number: int) -> Call:
    return services.call_save(call=Call(number=number, year=2090, budget=1000,
                                        closes_on=datetime.date.today() + datetime.timedelta(days=30)),
                              user=secretariat, rates=[])


def test_records_and_their_history_agree_until_a_change_skips_the_history(secretariat):
    call = _call(secretariat, 901)
    services.call_set_state(call=call, user=secretariat, state=Call.State.OPEN)
    assert audit_history([Call])["mismatches"] == []

    Call.objects.filter(pk=call.pk).update(state=Call.State.CLOSED)  # a transition without its version
    assert audit_history([Call])["mismatches"] == [f"cooperation.Call:{call.pk}: differs from its latest "
                                                   "history in state"]


def test_a_version_whose_record_is_gone_and_a_record_without_history_are_found(secretariat):
    kept, removed = _call(secretariat, 902), _call(secretariat, 903)
    Call.history.filter(id=kept.pk).delete()
    Call.objects.filter(pk=removed.pk)._raw_delete(Call.objects.db)  # gone without its deletion version
    assert sorted(audit_history([Call])["mismatches"]) == sorted([
        f"cooperation.Call:{kept.pk}: no history",
        f"cooperation.Call:{removed.pk}: in the history but not in the records",
    ])
