"""Ledger entries are never changed or deleted: not by the model, not by a queryset, not by raw SQL on PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from rial.fund.models import Entry, ImmutableEntry
from rial.fund.tests.factories import contribution


@pytest.fixture
def entry(secretariat):
    return contribution(secretariat, "125.00")


def test_saving_an_entry_again_is_refused(entry):
    entry.description = "changed"
    with pytest.raises(ImmutableEntry):
        entry.save()
    entry.refresh_from_db()
    assert entry.description != "changed"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(ImmutableEntry):
        entry.delete()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_and_delete_are_refused(entry):
    with pytest.raises(ImmutableEntry):
        Entry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(ImmutableEntry):
        Entry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert str(entry.amount) == "125.00"


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="the database trigger exists on PostgreSQL only; SQLite relies on the model's refusal")
@pytest.mark.parametrize("sql", ["UPDATE fund_entry SET amount = 1 WHERE id = %s", "DELETE FROM fund_entry WHERE id = %s"])
def test_postgresql_refuses_raw_updates_and_deletes(entry, sql):
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [entry.pk])
    entry.refresh_from_db()
    assert str(entry.amount) == "125.00"
