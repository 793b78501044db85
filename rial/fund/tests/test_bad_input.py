"""Bad amounts and unknown currencies are refused with a clear message, and nothing is saved:
through the services, the Secretariat's pages and the API alike."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rial.accounts.models import ApiToken
from rial.fund.models import Entry
from rial.fund.services import record_contribution, record_expense
from rial.fund.tests.factories import DAY, ministry

pytestmark = pytest.mark.django_db

BAD_AMOUNTS = [
    ("-50", "greater than zero"),
    ("0", "greater than zero"),
    ("abc", "is not an amount"),
    ("12,50", "is not an amount"),
    ("NaN", "is not an amount"),
    ("1000000000000000", "too large"),
    ("1e400", "is not an amount"),
    ("1_000", "is not an amount"),
    ("10.005", "at most two decimals"),
    ("", "is not an amount"),
]


@pytest.fixture
def unchanged():
    count = Entry.objects.count()
    yield
    assert Entry.objects.count() == count


@pytest.mark.parametrize(("amount", "message"), BAD_AMOUNTS)
def test_the_services_refuse_bad_amounts(secretariat, unchanged, amount, message):
    with pytest.raises(ValidationError, match=message):
        record_contribution(user=secretariat, contributor=ministry("CL"), amount=amount, currency="USD", date=DAY)
    with pytest.raises(ValidationError, match=message):
        record_expense(user=secretariat, amount=amount, currency="USD", category="workshop", date=DAY,
                       description="x")


def test_a_float_is_refused_because_it_is_not_exact(secretariat, unchanged):
    with pytest.raises(ValidationError, match="in figures"):
        record_contribution(user=secretariat, contributor=ministry("CL"), amount=0.1, currency="USD", date=DAY)


@pytest.mark.parametrize("currency", ["XYZ", "usd dollars", "", "BTC"])
def test_the_services_refuse_an_unknown_currency(secretariat, unchanged, currency):
    with pytest.raises(ValidationError, match="does not know the currency") as error:
        record_expense(user=secretariat, amount="10", currency=currency, category="workshop", date=DAY,
                       description="x", usd_value="10")
    assert list(error.value.message_dict) == ["currency"]


def test_a_foreign_currency_needs_its_usd_value(secretariat, unchanged):
    with pytest.raises(ValidationError, match="USD value"):
        record_contribution(user=secretariat, contributor=ministry("MX"), amount="100", currency="MXN", date=DAY)
    with pytest.raises(ValidationError, match="greater than zero"):
        record_contribution(user=secretariat, contributor=ministry("MX"), amount="100", currency="MXN",
                            usd_value="-5", date=DAY)


def test_an_expense_needs_a_known_category_and_a_description(secretariat, unchanged):
    with pytest.raises(ValidationError, match="spending categories"):
        record_expense(user=secretariat, amount="1", currency="USD", category="party", date=DAY, description="x")
    with pytest.raises(ValidationError, match="what the expense was for"):
        record_expense(user=secretariat, amount="1", currency="USD", category="workshop", date=DAY,
                       description="  ")


def test_a_contribution_needs_a_contributor(secretariat, unchanged):
    with pytest.raises(ValidationError, match="Name the contributor"):
        record_contribution(user=secretariat, amount="1", currency="USD", date=DAY)


@pytest.mark.parametrize(("amount", "message"), [("-50", "greater than zero"), ("abc", "is not an amount"),
                                                 ("10.005", "at most two decimals")])
def test_the_page_refuses_bad_amounts(secretariat_client, unchanged, amount, message):
    response = secretariat_client.post(reverse("fund:expense_new"), {
        "kind": "expenditure", "category": "workshop", "amount": amount, "currency": "USD",
        "date": "2026-02-10", "description": "Workshop"})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and "Nothing was saved" in page


def test_the_page_refuses_an_unknown_currency(secretariat_client, unchanged):
    response = secretariat_client.post(reverse("fund:contribution_new"), {
        "pledge": "received", "funding": "voluntary", "contributor": ministry("CL").pk, "amount": "10",
        "currency": "XYZ", "date": "2026-02-10"})
    assert response.status_code == 400
    assert "The fund does not know the currency “XYZ”" in response.content.decode()


@pytest.mark.parametrize(("payload", "field", "message"), [
    ({"amount": "-50", "currency": "USD"}, "amount", "greater than zero"),
    ({"amount": "ten", "currency": "USD"}, "amount", "is not an amount"),
    ({"amount": "10", "currency": "XYZ", "usd_value": "10"}, "currency", "does not know the currency"),
])
def test_the_api_refuses_bad_input(client, secretariat, unchanged, payload, field, message):
    _token, raw = ApiToken.issue(user=secretariat, label="test", second_factor_verified=True)
    body = {"date": "2026-03-01", "category": "workshop", "description": "Workshop", **payload}
    response = client.post("/api/v1/fund/expenses", json.dumps(body), content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 422
    data = response.json()
    assert data["detail"].startswith("Nothing was saved")
    assert message in " ".join(data["errors"][field])


def test_amounts_are_stored_exactly(secretariat):
    entry = record_contribution(user=secretariat, contributor=ministry("CL"), amount="0.10", currency="USD",
                                date=DAY)
    record_contribution(user=secretariat, contributor=ministry("CL"), amount="0.20", currency="USD", date=DAY)
    entry.refresh_from_db()
    assert entry.amount == Decimal("0.10")
    total = sum(Entry.objects.filter(description__startswith="Contribution from").values_list("amount", flat=True))
    assert total == Decimal("0.30")
