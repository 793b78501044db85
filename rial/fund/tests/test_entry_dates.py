"""An entry's date lies within the fund's life (year 1 or 9999 would show in the public summary), and its
amount is written in plain figures ("1_000" is not how anyone writes an amount)."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from rial.accounts.models import ApiToken
from rial.fund.models import Entry
from rial.fund.services import record_contribution, record_expense
from rial.fund.tests.factories import DAY, ministry

pytestmark = pytest.mark.django_db

BAD_DATES = [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1999, 12, 31),
             timezone.localdate() + datetime.timedelta(days=400)]


@pytest.fixture
def unchanged():
    count = Entry.objects.count()
    yield
    assert Entry.objects.count() == count


@pytest.mark.parametrize("date", BAD_DATES, ids=str)
def test_the_services_refuse_dates_outside_the_fund_s_life(secretariat, unchanged, date):
    with pytest.raises(ValidationError, match="The date must be between"):
        record_contribution(user=secretariat, contributor=ministry("CL"), amount="10", currency="USD", date=date)
    with pytest.raises(ValidationError, match="The date must be between"):
        record_expense(user=secretariat, amount="10", currency="USD", category="workshop", date=date,
                       description="x")


@pytest.mark.parametrize(("amount", "date", "message"), [
    ("1000", "9999-01-01", "The date must be between"),
    ("1_000", DAY.isoformat(), "is not an amount"),
])
def test_the_page_refuses_them_with_a_clear_message(secretariat_client, unchanged, amount, date, message):
    response = secretariat_client.post(reverse("fund:contribution_new"), {
        "pledge": "received", "funding": "voluntary", "contributor": ministry("CL").pk, "amount": amount,
        "currency": "USD", "date": date})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_api_refuses_year_1(client, secretariat, unchanged):
    _token, raw = ApiToken.issue(user=secretariat, label="test", second_factor_verified=True)
    body = {"date": "0001-01-01", "amount": "10", "currency": "USD", "contributor": "ministry-cl"}
    response = client.post("/api/v1/fund/contributions", json.dumps(body), content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")


def test_a_date_within_the_fund_s_life_is_taken(secretariat):
    entry = record_contribution(user=secretariat, contributor=ministry("CL"), amount="10", currency="USD", date=DAY)
    assert entry.date == DAY
