"""The Secretariat's pages record entries through the services; nobody else reaches them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.models import Country
from rial.fund import payable
from rial.fund.models import Allocation, Entry
from rial.fund.services import balance, reverse_entry
from rial.fund.tests.factories import contribution, expense, ministry

SECRETARIAT_PAGES = ["fund:ledger", "fund:contribution_new", "fund:expense_new", "fund:allocations", "fund:reports",
                     "fund:report_xlsx", "fund:report_pdf"]


@pytest.mark.parametrize("name", SECRETARIAT_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login" in response["Location"]


@pytest.mark.parametrize("name", SECRETARIAT_PAGES)
def test_a_focal_point_is_refused(client, focal_cl, name):
    login(client, focal_cl)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", SECRETARIAT_PAGES)
def test_the_secretariat_opens_every_page(secretariat_client, name):
    assert secretariat_client.get(reverse(name)).status_code == 200


def test_a_focal_point_cannot_post_a_contribution_or_reverse(client, focal_cl, secretariat):
    entry = contribution(secretariat, "10")
    login(client, focal_cl)
    count = Entry.objects.count()
    assert client.post(reverse("fund:contribution_new"), {"amount": "5"}).status_code == 403
    assert client.post(reverse("fund:entry_reverse", args=[entry.pk]), {"reason": "x"}).status_code == 403
    assert client.get(reverse("fund:entry", args=[entry.pk])).status_code == 403
    assert Entry.objects.count() == count


def _contribution_data(**overrides):
    data = {"pledge": "received", "funding": "voluntary", "contributor": ministry("MX").pk, "amount": "150000",
            "currency": "MXN", "usd_value": "8420.13", "date": "2026-02-10", "description": ""}
    data.update(overrides)
    return data


def test_the_secretariat_records_a_contribution(secretariat_client):
    response = secretariat_client.post(reverse("fund:contribution_new"), _contribution_data())
    entry = Entry.objects.latest("id")
    assert response.status_code == 302 and response["Location"] == reverse("fund:entry", args=[entry.pk])
    assert (entry.amount, entry.currency, entry.usd_value, entry.country.iso2) == (
        Decimal("150000.00"), "MXN", Decimal("8420.13"), "MX")
    page = secretariat_client.get(response["Location"]).content.decode()
    assert "150,000.00 MXN" in page and "8,420.13" in page


def test_co_financing_from_a_body_outside_the_directory(secretariat_client):
    secretariat_client.post(reverse("fund:contribution_new"), _contribution_data(
        contributor="", contributor_name="Some foundation", funding="co_financing", currency="USD", usd_value="",
        amount="5000"))
    entry = Entry.objects.latest("id")
    assert (entry.contributor_name, entry.funding, entry.usd_value) == ("Some foundation", "co_financing",
                                                                        Decimal("5000.00"))


def test_an_expense_beyond_the_balance_is_refused_on_the_page(secretariat_client):
    available = balance("USD")
    count = Entry.objects.count()
    response = secretariat_client.post(reverse("fund:expense_new"), {
        "kind": "expenditure", "category": "workshop", "amount": str(available + Decimal("0.01")),
        "currency": "USD", "date": "2026-02-10", "description": "Hemispheric workshop"})
    assert response.status_code == 400
    assert "below zero" in response.content.decode()
    assert Entry.objects.count() == count


def test_the_secretariat_records_an_expense_and_reverses_it(secretariat_client, secretariat):
    contribution(secretariat, "1000")
    before = balance("USD")
    secretariat_client.post(reverse("fund:expense_new"), {
        "kind": "expenditure", "category": "airfare", "amount": "640.20", "currency": "USD", "date": "2026-02-10",
        "description": "Flight Santiago–Brasília"})
    entry = Entry.objects.latest("id")
    assert entry.category == "airfare" and balance("USD") == before - Decimal("640.20")
    response = secretariat_client.post(reverse("fund:entry_reverse", args=[entry.pk]), {"reason": "Cancelled"})
    assert response.status_code == 302
    assert balance("USD") == before
    page = secretariat_client.get(reverse("fund:entry", args=[entry.pk])).content.decode()
    assert "This entry was reversed by" in page and "Reverse this entry" not in page


def test_a_reversal_needs_a_reason(secretariat_client, secretariat):
    entry = contribution(secretariat, "10")
    response = secretariat_client.post(reverse("fund:entry_reverse", args=[entry.pk]), {"reason": ""})
    assert response.status_code == 400
    assert not Entry.objects.filter(reverses=entry).exists()


def test_the_secretariat_records_an_allocation(secretariat_client):
    response = secretariat_client.post(reverse("fund:allocations"), {
        "meeting": "Planning meeting 2026", "decided_on": "2026-01-20", "category": "workshop",
        "amount": "45000.00", "currency": "USD", "note": ""})
    assert response.status_code == 302
    allocation = Allocation.objects.get()
    assert allocation.amount == Decimal("45000.00")
    assert allocation.history.first().history_change_reason == "fund.allocation.decided"
    assert "Planning meeting 2026" in secretariat_client.get(reverse("fund:allocations")).content.decode()


def test_a_negative_allocation_is_refused(secretariat_client):
    response = secretariat_client.post(reverse("fund:allocations"), {
        "meeting": "Planning meeting 2026", "decided_on": "2026-01-20", "category": "workshop",
        "amount": "-5", "currency": "USD"})
    assert response.status_code == 400 and not Allocation.objects.exists()


def test_the_ledger_page_does_not_query_per_entry(secretariat_client, secretariat, django_assert_max_num_queries):
    contribution(secretariat, "5000")
    for index in range(12):
        entry = expense(secretariat, f"{index + 1}.00", category="operation")
        if index % 3 == 0:
            reverse_entry(user=secretariat, entry=entry, reason="test")
    with django_assert_max_num_queries(14):
        response = secretariat_client.get(reverse("fund:ledger"))
    assert response.status_code == 200
    assert response.content.decode().count("reversal") >= 4


def test_the_ledger_filters_are_whitelisted(secretariat_client, secretariat):
    contribution(secretariat, "77.77")
    response = secretariat_client.get(reverse("fund:ledger"), {"kind": "contribution", "currency": "USD",
                                                               "year": "2026"})
    assert "77.77" in response.content.decode()
    response = secretariat_client.get(reverse("fund:ledger"), {"kind": "drop table", "year": "abc"})
    assert response.status_code == 200


def test_the_admin_never_adds_changes_or_deletes_entries(secretariat_client, secretariat):
    entry = contribution(secretariat, "10")
    assert secretariat_client.get(reverse("admin:fund_entry_changelist")).status_code == 200
    assert secretariat_client.get(reverse("admin:fund_entry_add")).status_code == 403
    assert secretariat_client.post(reverse("admin:fund_entry_delete", args=[entry.pk]),
                                   {"post": "yes"}).status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("name", ["admin:fund_entry_changelist", "admin:fund_allocation_changelist",
                                  "admin:fund_contributingcountry_changelist"])
def test_a_focal_point_does_not_reach_the_fund_admin(client, focal_cl, name):
    login(client, focal_cl)
    response = client.get(reverse(name))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_secretariat_keeps_the_contributing_countries_in_the_admin(secretariat_client):
    page = secretariat_client.get(reverse("admin:fund_contributingcountry_changelist")).content.decode()
    assert "Trinidad and Tobago" in page


def test_a_contributing_country_page_shows_the_fund_section(client, db):
    page = client.get(reverse("directory:country", kwargs={"iso2": "ca"})).content.decode()
    assert "one of the contributors to the RIAL" in page
    assert "USD 200,000.00" in page
    page = client.get(reverse("directory:country", kwargs={"iso2": "uy"})).content.decode()
    assert "one of the contributors to the RIAL" not in page


@pytest.fixture
def countries_are_payable(monkeypatch):
    # Countries stand in for cooperation activities, which register themselves the same way; the registry
    # is given back as it was afterwards (monkeypatch), so the platform needs no way to forget a model.
    monkeypatch.setattr(payable, "_registry", dict(payable._registry))
    payable.register(Country, lambda: Country.objects.filter(iso2__in=["CL", "PE"]))


def test_an_expense_is_charged_to_a_registered_record_from_the_page(secretariat_client, countries_are_payable):
    chile = Country.objects.get(iso2="CL")
    form = secretariat_client.get(reverse("fund:expense_new")).content.decode()
    assert f'value="directory.country:{chile.pk}"' in form
    response = secretariat_client.post(reverse("fund:expense_new"), {
        "kind": "expenditure", "category": "airfare", "amount": "10.00", "currency": "USD", "date": "2026-02-10",
        "description": "Flight", "paid_for": f"directory.country:{chile.pk}"})
    assert response.status_code == 302
    assert Entry.objects.latest("id").paid_for == chile


def test_an_unregistered_record_cannot_be_charged_from_the_page(secretariat_client, countries_are_payable):
    count = Entry.objects.count()
    response = secretariat_client.post(reverse("fund:expense_new"), {
        "kind": "expenditure", "category": "airfare", "amount": "10.00", "currency": "USD", "date": "2026-02-10",
        "description": "Flight", "paid_for": "accounts.user:1"})
    assert response.status_code == 400 and Entry.objects.count() == count


def test_a_contribution_received_against_a_pledge_from_the_page(secretariat_client, secretariat):
    pledge = contribution(secretariat, "700", iso2="MX", pledge=True)
    form = secretariat_client.get(reverse("fund:contribution_new")).content.decode()
    assert f'<option value="{pledge.pk}">' in form
    response = secretariat_client.post(reverse("fund:contribution_new"), _contribution_data(
        currency="USD", usd_value="", amount="700", fulfils=pledge.pk))
    assert response.status_code == 302
    assert Entry.objects.latest("id").fulfils == pledge
