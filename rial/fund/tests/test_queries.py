"""rial.fund.queries: what other apps may read of the ledger without importing the fund's models."""

from decimal import Decimal

import pytest

from rial.directory.models import Country
from rial.fund.queries import received_by_country, spending_on
from rial.fund.services import reverse_entry
from rial.fund.tests.factories import contribution, expense

pytestmark = pytest.mark.django_db


def test_received_by_country_counts_cash_received_not_pledges_or_support_in_kind(
        secretariat, django_assert_max_num_queries):
    before = received_by_country()
    contribution(secretariat, "1000.00", iso2="CL")
    contribution(secretariat, "400.00", iso2="CL", pledge=True)
    contribution(secretariat, "250.00", iso2="CL", in_kind=True)
    with django_assert_max_num_queries(1):
        after = received_by_country()
    assert after["CL"] - before.get("CL", 0) == Decimal("1000.00")
    assert {code: total for code, total in after.items() if code != "CL"} == {
        code: total for code, total in before.items() if code != "CL"}


def test_spending_on_lists_what_paid_for_a_record_with_its_reversal(secretariat):
    contribution(secretariat, "5000.00")
    chile = Country.objects.get(iso2="CL")
    paid = expense(secretariat, "300.00", paid_for=chile)
    expense(secretariat, "80.00")  # paid for nothing in particular: not listed
    reverse_entry(user=secretariat, entry=paid, reason="Charged twice")
    assert [entry.amount for entry in spending_on(chile)] == [Decimal("300.00"), Decimal("-300.00")]
