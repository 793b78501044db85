"""A ledger entry is never rewritten from its history page, on any database."""

from decimal import Decimal

import pytest
from django.urls import reverse

from rial.fund.models import Entry, ImmutableEntry
from rial.fund.tests.factories import contribution

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(secretariat):
    return contribution(secretariat, "125.00")


def test_restoring_an_entry_from_its_history_page_is_refused(secretariat_client, entry):
    version = entry.history.first()
    address = reverse("admin:fund_entry_simple_history", args=[entry.pk, version.history_id])
    assert secretariat_client.get(address).status_code == 200  # the old version can be seen
    response = secretariat_client.post(address, {"amount": "999.00", "description": "rewritten"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.amount == Decimal("125.00")
    assert entry.history.count() == 1


def test_a_copy_built_from_an_old_version_cannot_overwrite_the_entry(entry):
    copy = entry.history.first().instance  # a new object in Django's eyes, with the entry's id
    copy.amount = Decimal("1.00")
    with pytest.raises(ImmutableEntry):
        copy.save()
    assert Entry.objects.get(pk=entry.pk).amount == Decimal("125.00")


def test_the_history_page_shows_the_versions_but_refuses_to_restore_one(secretariat_client, entry):
    version = entry.history.first()
    page = secretariat_client.get(reverse("core:history", args=["fund", "entry", entry.pk]))
    assert page.status_code == 200
    assert "Restore this version" not in page.content.decode()
    response = secretariat_client.post(reverse("core:restore", args=["fund", "entry", entry.pk, version.history_id]),
                                       follow=True)
    assert "Nothing was restored" in response.content.decode()
    assert Entry.objects.get(pk=entry.pk).amount == Decimal("125.00")
    assert entry.history.count() == 1
