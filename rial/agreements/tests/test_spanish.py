from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.django_db
CATALOG = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_the_spanish_catalog_is_complete():
    catalog = polib.pofile(str(CATALOG))
    assert catalog.percent_translated() == 100
    assert not catalog.fuzzy_entries()
    assert "nplurals=3" in catalog.metadata["Plural-Forms"]


def test_the_lookup_speaks_spanish(client):
    response = client.get("/es/agreements/coverage/", {"a": "CO", "b": "PE", "on": "2024-01-01"})
    page = response.content.decode()
    assert "Sí: Colombia y Perú están cubiertos" in page
    assert "Convenio Multilateral Iberoamericano de Seguridad Social" in page
    assert "se aplica solo cuando su reglamento esté en vigor" in page
    assert "sin confirmar" in page


def test_a_form_error_in_spanish(client):
    response = client.get("/es/agreements/coverage/", {"a": "CL", "b": "CL"})
    assert "Elija dos países distintos." in response.content.decode()
