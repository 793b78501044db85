"""The fund's figures come from a summary kept in step with the ledger, never from summing the ledger per request."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rial.fund import reports
from rial.fund.models import Entry, LedgerSummary
from rial.fund.services import reverse_entry
from rial.fund.summary import differences, rebuild
from rial.fund.tests.factories import contribution, expense

pytestmark = pytest.mark.django_db


def ledger_totals() -> dict:
    """The figures summed straight from the ledger: what the summary must always agree with."""
    cash = Entry.objects.filter(in_kind=False)

    def total(queryset):
        return sum((entry.usd_value for entry in queryset), Decimal("0.00"))
    return {"received": total(cash.filter(kind=Entry.Kind.CONTRIBUTION)),
            "spent": total(cash.filter(kind__in=Entry.SPENDING)),
            "pledged": total(Entry.objects.filter(kind=Entry.Kind.PLEDGE))}


def test_every_write_path_keeps_the_summary_equal_to_the_ledger(secretariat):
    first = contribution(secretariat, amount="1000.00", date=datetime.date(2025, 3, 1))
    contribution(secretariat, amount="250.50", iso2="MX", date=datetime.date(2026, 7, 9))
    spent = expense(secretariat, amount="300.00", date=datetime.date(2026, 8, 1))
    reverse_entry(entry=spent, user=secretariat, reason="Booked twice")
    reverse_entry(entry=first, user=secretariat, reason="Wrong year")
    assert differences(Entry, LedgerSummary) == []
    figures = reports.totals()
    expected = ledger_totals()
    assert (figures.received, figures.spent, figures.pledged) == (
        expected["received"], expected["spent"], expected["pledged"])


def test_the_public_fund_page_does_not_read_the_ledger(client, secretariat):
    for day in range(1, 11):
        contribution(secretariat, amount="100.00", date=datetime.date(2026, 1, day))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/fund/")
    assert response.status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "fund_entry"' in q["sql"]]
    # Only the "is there demo data" probe (LIMIT 1) may touch the ledger; no sum over it.
    assert all("SUM(" not in sql.upper() for sql in reads), reads


def test_yearly_figures_and_balances_are_unchanged_by_reading_the_summary(secretariat):
    contribution(secretariat, amount="500.00", date=datetime.date(2024, 5, 1))
    expense(secretariat, amount="120.00", date=datetime.date(2024, 6, 1), category="airfare")
    expense(secretariat, amount="80.00", date=datetime.date(2025, 6, 1), category="workshop")
    by_year = dict(reports.spending_by_year())
    assert by_year["2024"] >= Decimal("120.00") and by_year["2025"] >= Decimal("80.00")
    balances = {period: balance for period, _, _, balance in reports.balance_by_year()}
    received = sum(r for _, r, _, _ in reports.balance_by_year())
    spent = sum(s for _, _, s, _ in reports.balance_by_year())
    assert list(balances.values())[-1] == received - spent == reports.totals().balance


def test_drift_is_detected_and_rebuilding_repairs_it(secretariat):
    contribution(secretariat, amount="700.00")
    LedgerSummary.objects.filter(kind=Entry.Kind.CONTRIBUTION).update(usd=0)
    with pytest.raises(CommandError, match="differ from the ledger"):
        call_command("check_fund_summary", stdout=io.StringIO())
    call_command("rebuild_fund_summary", stdout=io.StringIO())
    call_command("check_fund_summary", stdout=io.StringIO())
    assert rebuild(Entry, LedgerSummary) > 0 and differences(Entry, LedgerSummary) == []


def test_a_failed_write_leaves_neither_entry_nor_summary(secretariat, monkeypatch):
    before = (Entry.objects.count(), list(LedgerSummary.objects.values_list("usd", flat=True)))

    def broken(entry):
        raise RuntimeError("summary unavailable")
    monkeypatch.setattr(LedgerSummary, "add", broken)
    with pytest.raises(RuntimeError):
        contribution(secretariat, amount="999.00")
    assert (Entry.objects.count(), list(LedgerSummary.objects.values_list("usd", flat=True))) == before
