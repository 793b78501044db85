"""The February 2016 financial report, loaded as reference data: the books balance to the cent."""

from decimal import Decimal

import pytest
from django.urls import reverse

from rial.fund import demo, reports
from rial.fund.models import ContributingCountry, Entry
from rial.fund.services import balance

pytestmark = pytest.mark.django_db


def test_the_totals_match_the_february_2016_report_to_the_cent():
    totals = reports.totals()
    assert totals.received == Decimal("649734.00")
    assert totals.voluntary == Decimal("497734.00")  # 297,734 from 17 states + 200,000 from Canada
    assert totals.co_financing == Decimal("152000.00")
    assert totals.spent == Decimal("587955.00")
    assert totals.balance == Decimal("61779.00")
    assert balance("USD") == Decimal("61779.00")


def test_spending_2011_2015_by_category_is_the_report_s():
    columns, rows = reports.spending_by_year_and_category()
    [(label, cells, total)] = rows
    assert label == "2011–2015"
    by_category = dict(zip(columns, cells, strict=True))
    assert by_category == {
        "workshop": Decimal("171955.00"), "study": Decimal("30000.00"), "operation": Decimal("148939.00"),
        "communications": Decimal("60650.00"), "bilateral": Decimal("176412.00"),
        "": Decimal("-1.00"),  # the report's own rounding: its categories add up to 587,956
    }
    assert total == Decimal("587955.00")


def test_loading_the_reference_again_adds_nothing():
    count = Entry.objects.count()
    demo.load_reference()
    assert Entry.objects.count() == count
    assert ContributingCountry.objects.count() == 23
    assert all(entry.source and entry.verified for entry in Entry.objects.exclude(reference_key=""))


def test_the_public_page_shows_the_report_totals(client):
    page = client.get(reverse("fund:home")).content.decode()
    assert "USD 649,734.00" in page
    assert "USD 587,955.00" in page
    assert "USD 61,779.00" in page
    assert "Trinidad and Tobago" in page and "23 countries have contributed" in page


def test_the_demo_adds_marked_records_and_keeps_the_history(db):
    demo.load_demo()
    demo.load_demo()
    assert Entry.objects.filter(is_demo=True).count() == 4
    assert all("DEMO" in entry.description for entry in Entry.objects.filter(is_demo=True))
    assert reports.totals().received == Decimal("649734.00") + Decimal("25000.00")
