"""Sums of money follow the page language, with thousands separators, in templates and in messages."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from rial.core.amounts import format_amount
from rial.portfolio.tests.factories import ProgramFactory


@pytest.mark.parametrize(("language", "shown"), [("en", "3,300.00"), ("es", "3.300,00"), ("pt", "3.300,00"),
                                                ("fr", "3\xa0300,00")])
def test_an_amount_in_each_language(language, shown):
    with translation.override(language):
        assert format_amount(Decimal("3300")) == shown
        assert format_amount(None) == ""


@pytest.mark.django_db
def test_a_program_budget_on_its_page(client):
    program = ProgramFactory(budget=Decimal("1234567.5"), budget_currency="USD")
    english = client.get(reverse("portfolio:detail", args=[program.pk])).content.decode()
    assert "USD 1,234,567.50" in english
    with translation.override("es"):
        spanish_url = reverse("portfolio:detail", args=[program.pk])
    spanish = client.get(spanish_url).content.decode()
    assert "USD 1.234.567,50" in spanish
