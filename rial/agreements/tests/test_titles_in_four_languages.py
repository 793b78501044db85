"""Agreement titles read in the visitor's language on /pt/ and /fr/; an official Portuguese title is shown as
written; an import or reload fills the titles and a file without the Portuguese and French columns keeps
them."""

import html

import pytest
from django.utils import translation

from rial.agreements import demo
from rial.agreements.exports import agreement_row
from rial.agreements.importer import parse_row
from rial.agreements.models import Agreement
from rial.directory.models import Country

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    with translation.override("en"):  # the request activates the page's language; leave English behind
        response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_every_reference_agreement_has_a_title_in_each_of_the_four_languages():
    languages = ("en", "es", "pt", "fr")
    rows = Agreement.objects.values_list("slug", *(f"title_{language}" for language in languages))
    missing = [(slug, language) for slug, *titles in rows
               for language, title in zip(languages, titles, strict=True) if not title]
    assert Agreement.objects.count() >= 91 and missing == []


@pytest.mark.parametrize("language, iso2, title, english", [
    ("pt", "AG", "Canadá – Antígua e Barbuda", "Canada – Antigua and Barbuda"),
    ("fr", "GB", "États-Unis – Royaume-Uni", "United States – United Kingdom"),
    ("fr", "UY", "Accord multilatéral de sécurité sociale du MERCOSUR", "MERCOSUR Multilateral Agreement"),
    ("pt", "PE", "Instrumento Andino de Seguridade Social (Decisão 583)", "Andean Social Security Instrument"),
])
def test_a_countrys_agreements_read_in_the_visitors_language(client, language, iso2, title, english):
    text = page(client, f"/{language}/agreements/country/{iso2}/")
    assert title in text
    assert english not in text


def test_an_official_portuguese_title_is_shown_as_written_under_the_heading(client):
    agreement = Agreement.objects.get(slug="ca-br")
    text = page(client, f"/fr{agreement.get_absolute_url().removeprefix('/en')}")
    assert "<h1>Canada – Brésil</h1>" in text
    assert ('<p class="lead" lang="pt">Acordo de Previdência Social entre a República Federativa do Brasil '
            "e o Canadá</p>") in text


def test_the_mercosur_agreement_reads_in_its_authentic_portuguese_title_on_pt(client):
    agreement = Agreement.objects.get(slug="mercosur")
    text = page(client, f"/pt{agreement.get_absolute_url().removeprefix('/en')}")
    assert "Acordo Multilateral de Seguridade Social do Mercado Comum do Sul" in text


def test_reloading_puts_back_portuguese_and_french_titles():
    Agreement.objects.filter(slug="es-br").update(title_pt="", title_fr="stale")
    demo.load_reference()
    agreement = Agreement.objects.get(slug="es-br")
    assert (agreement.title_pt, agreement.title_fr) == ("Espanha – Brasil", "Espagne – Brésil")


def test_the_export_carries_the_four_titles_and_a_file_without_the_new_columns_keeps_them():
    agreement = Agreement.objects.get(slug="us-ca")
    row = agreement_row(agreement)
    assert (row["title_pt"], row["title_fr"]) == ("Estados Unidos – Canadá", "États-Unis – Canada")

    countries = {country.iso2: country for country in Country.objects.all()}
    older_file = {name: str(value) for name, value in row.items() if name not in ("title_pt", "title_fr")}
    parsed = parse_row(older_file, 2, countries)
    assert parsed.errors == []
    assert "title_pt" not in parsed.values and "title_fr" not in parsed.values
