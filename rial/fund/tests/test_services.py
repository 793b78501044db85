"""The services other apps call: record a contribution, an expense, a reversal; read a balance."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from rial.directory.models import Country
from rial.fund.models import Entry
from rial.fund.reports import totals
from rial.fund.services import balance, record_expense, reverse_entry
from rial.fund.tests.factories import DAY, contribution, expense, ministry


def test_it_records_a_contribution_in_usd(secretariat):
    before = balance("USD")
    entry = contribution(secretariat, "2500.10")
    assert entry.kind == Entry.Kind.CONTRIBUTION
    assert entry.usd_value == Decimal("2500.10")
    assert entry.country.iso2 == "CL"
    assert entry.recorded_by == secretariat
    assert balance("USD") - before == Decimal("2500.10")
    assert entry.history.first().history_change_reason == "fund.entry.contribution_received"


def test_it_records_a_contribution_in_another_currency_with_its_usd_value(secretariat):
    entry = contribution(secretariat, "100000", currency="MXN", iso2="MX", usd_value="5612.45")
    assert (entry.amount, entry.currency, entry.usd_value) == (Decimal("100000.00"), "MXN", Decimal("5612.45"))
    assert balance("MXN") == Decimal("100000.00")


def test_a_pledge_and_in_kind_support_do_not_move_the_cash_balance(secretariat):
    before = balance("USD")
    contribution(secretariat, "900", pledge=True)
    contribution(secretariat, "80000", in_kind=True)
    assert balance("USD") == before


def test_an_expense_is_charged_to_what_it_paid_for(secretariat):
    contribution(secretariat, "1000")
    chile = Country.objects.get(iso2="CL")  # any saved record stands in for a cooperation activity
    entry = expense(secretariat, "250.75", category="per_diem", paid_for=chile)
    assert entry.paid_for == chile
    assert entry.paid_for_type == ContentType.objects.get_for_model(Country)
    assert entry.iati_code == "4"


def test_a_commitment_does_not_move_the_cash_balance(secretariat):
    before = balance("USD")
    expense(secretariat, str(before + 1000), kind=Entry.Kind.COMMITMENT)
    assert balance("USD") == before


def test_an_expense_beyond_the_balance_is_refused_and_nothing_is_saved(secretariat):
    contribution(secretariat, "500", currency="CAD", usd_value="370.00", iso2="CA")
    count = Entry.objects.count()
    with pytest.raises(ValidationError, match="below zero") as error:
        expense(secretariat, "500.01", currency="CAD", usd_value="370.01")
    assert "500.00 CAD" in str(error.value)
    assert Entry.objects.count() == count
    expense(secretariat, "500.00", currency="CAD", usd_value="370.00")
    assert balance("CAD") == Decimal("0.00")


def test_the_refusal_states_the_sums_in_the_language_of_the_reader(secretariat):
    contribution(secretariat, "5000", currency="CAD", usd_value="3700.00", iso2="CA")
    with translation.override("es"), pytest.raises(ValidationError) as error:
        expense(secretariat, "5000.01", currency="CAD", usd_value="3700.01")
    assert "5.000,00 CAD" in str(error.value) and "5.000,01 CAD" in str(error.value)


def test_a_reversal_cancels_an_entry_once(secretariat):
    before = balance("USD")
    entry = contribution(secretariat, "300")
    reversal = reverse_entry(user=secretariat, entry=entry, reason="Recorded twice")
    assert reversal.amount == Decimal("-300.00") and reversal.reverses == entry
    assert balance("USD") == before
    with pytest.raises(ValidationError, match="already been reversed"):
        reverse_entry(user=secretariat, entry=entry, reason="Again")
    with pytest.raises(ValidationError, match="cannot itself be reversed"):
        reverse_entry(user=secretariat, entry=reversal, reason="Undo")


def test_reversing_a_contribution_already_spent_is_refused(secretariat):
    entry = contribution(secretariat, "400", currency="BRL", usd_value="80.00", iso2="BR")
    record_expense(user=secretariat, amount="300", currency="BRL", usd_value="60", category="operation",
                   date=DAY, description="Spent")
    with pytest.raises(ValidationError, match="below zero"):
        reverse_entry(user=secretariat, entry=entry, reason="Bounced")
    assert not Entry.objects.filter(reverses=entry).exists()


@pytest.mark.parametrize("persona", ["focal_cl", "member_co", "cosate_rep", "ilo_rep"])
def test_only_the_secretariat_keeps_the_books(request, persona, secretariat):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        contribution(user, "10")
    with pytest.raises(PermissionDenied):
        expense(user, "10")
    entry = contribution(secretariat, "10")
    with pytest.raises(PermissionDenied):
        reverse_entry(user=user, entry=entry, reason="No")


def test_the_contributor_country_defaults_to_the_ministry_country(secretariat):
    assert contribution(secretariat, "1", iso2="PE").country == ministry("PE").country


def test_entries_charged_to_an_object_are_listed_for_it(secretariat):
    chile, peru = Country.objects.get(iso2="CL"), Country.objects.get(iso2="PE")
    entry = expense(secretariat, "12.00", category="airfare", paid_for=chile)
    expense(secretariat, "13.00", category="airfare", paid_for=peru)
    assert list(Entry.objects.for_object(chile)) == [entry]


def test_a_contribution_received_against_a_pledge_reduces_what_is_outstanding(secretariat):
    before = totals()
    pledge = contribution(secretariat, "900", pledge=True)
    contribution(secretariat, "600", fulfils=pledge)
    after = totals()
    assert after.pledged - before.pledged == Decimal("900.00")
    assert after.pledges_outstanding - before.pledges_outstanding == Decimal("300.00")
    assert list(pledge.fulfilments.all()) == list(Entry.objects.filter(fulfils=pledge))
    reverse_entry(user=secretariat, entry=pledge.fulfilments.get(), reason="Bounced")
    assert totals().pledges_outstanding - before.pledges_outstanding == Decimal("900.00")


def test_only_a_standing_pledge_can_be_fulfilled(secretariat):
    received = contribution(secretariat, "10")
    with pytest.raises(ValidationError, match="pledge that stands"):
        contribution(secretariat, "10", fulfils=received)
    pledge = contribution(secretariat, "10", pledge=True)
    reverse_entry(user=secretariat, entry=pledge, reason="Withdrawn")
    with pytest.raises(ValidationError, match="pledge that stands"):
        contribution(secretariat, "10", fulfils=pledge)
