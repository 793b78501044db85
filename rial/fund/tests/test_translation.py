"""The fund speaks Spanish: the catalog is complete and the public page is translated."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

CATALOG = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_the_spanish_catalog_is_complete():
    catalog = polib.pofile(str(CATALOG))
    assert catalog.percent_translated() == 100
    assert not catalog.fuzzy_entries()
    assert "nplurals=3" in catalog.metadata["Plural-Forms"]


@pytest.mark.django_db
def test_the_public_page_in_spanish(client):
    with translation.override("es"):  # the request activates Spanish too: restore English afterwards
        page = client.get(reverse("fund:home")).content.decode()
    assert "Fondo de Aportes Voluntarios" in page
    assert "23 países han contribuido al fondo" in page
    assert "hasta febrero de 2016" in page


@pytest.mark.django_db
def test_the_expense_form_names_currencies_in_spanish(secretariat_client):
    with translation.override("es"):
        page = secretariat_client.get(reverse("fund:expense_new")).content.decode()
    assert "USD — Dólar estadounidense" in page and "Pasajes aéreos" in page
