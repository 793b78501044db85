"""Language-prefixed URLs, the language switcher, and content that falls back to its original language."""

import pytest
from django.urls import reverse
from django.utils import translation

from rial.directory.models import Institution
from rial.directory.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def test_a_page_under_es_is_in_spanish(client):
    page = client.get("/es/").content.decode()
    assert '<html lang="es">' in page
    assert "Red Interamericana para la Administración Laboral" in page
    assert ">Inicio<" in page and ">Países<" in page
    assert "35 Estados miembros" in page


@pytest.mark.parametrize(("prefix", "home", "countries"), [("pt", "Início", "Países"), ("fr", "Accueil", "Pays")])
def test_portuguese_and_french_pages_are_started(client, prefix, home, countries):
    page = client.get(f"/{prefix}/").content.decode()
    assert f'<html lang="{prefix}">' in page
    assert f">{home}<" in page and f">{countries}<" in page


def test_an_address_without_prefix_goes_to_the_browser_language(client):
    assert client.get("/countries/", headers={"accept-language": "es"})["Location"] == "/es/countries/"
    assert client.get("/countries/")["Location"] == "/en/countries/"


def test_the_switcher_keeps_the_page_and_changes_the_prefix(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/en/countries/cl/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/countries/cl/"
    assert "Chile" in client.get(response["Location"]).content.decode()


def test_the_switcher_is_on_every_page_with_a_label(client):
    page = client.get("/en/countries/").content.decode()
    assert '<label for="lang-select">Language</label>' in page
    for code, name in (("es", "Español"), ("pt", "Português"), ("fr", "Français")):
        assert f'value="{code}" lang="{code}"' in page and name in page


def test_the_switcher_refuses_an_off_site_next(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_translated_content_shows_each_language_and_falls_back_to_the_original():
    InstitutionFactory(slug="only-spanish", name_en="", name_es="Ministerio de Ejemplo")
    InstitutionFactory(slug="only-english", name_en="Example Ministry", name_es="")
    with translation.override("es"):
        assert Institution.objects.get(slug="only-english").name == "Example Ministry"
        assert Institution.objects.get(slug="only-spanish").name == "Ministerio de Ejemplo"
    with translation.override("en"):
        assert Institution.objects.get(slug="only-spanish").name == "Ministerio de Ejemplo"
    with translation.override("fr"):
        assert Institution.objects.get(slug="only-english").name == "Example Ministry"


def test_a_country_page_in_french_uses_the_french_name_and_falls_back_for_the_rest(client):
    page = client.get("/fr/countries/us/").content.decode()
    assert "<h1>États-Unis</h1>" in page


def test_topics_show_their_label_in_each_language(client):
    assert "Trabajo infantil" in client.get("/es/topics/").content.decode()
