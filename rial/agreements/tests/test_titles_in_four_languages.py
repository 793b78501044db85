"""Agreement titles read in the visitor's language on /pt/ and /fr/; an official Portuguese title is shown as
written; an import or reload fills the titles and a file without the Portuguese and French columns keeps
them."""

import csv
import html

import pytest
from django.utils import translation

from rial.agreements import demo
from rial.agreements.demo import DATA
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


def test_an_official_portuguese_title_is_shown_as_written_under_the_official_french_heading(client):
    agreement = Agreement.objects.get(slug="ca-br")
    text = page(client, f"/fr{agreement.get_absolute_url().removeprefix('/en')}")
    assert ("<h1>Accord sur la sécurité sociale entre le Canada et la République fédérative du Brésil</h1>"
            in text)
    assert ('<p class="lead" lang="pt">Acordo de Previdência Social entre a República Federativa do Brasil '
            "e o Canadá</p>") in text


def test_the_french_page_of_a_canada_pair_shows_the_official_french_title_and_the_english_original(client):
    agreement = Agreement.objects.get(slug="ca-cl")
    text = page(client, f"/fr{agreement.get_absolute_url().removeprefix('/en')}")
    assert ("<h1>Accord sur la sécurité sociale entre le gouvernement du Canada et le gouvernement de la "
            "République du Chili</h1>") in text
    assert ('<p class="lead" lang="en">Agreement on Social Security between the Government of Canada and the '
            "Government of the Republic of Chile</p>") in text
    assert "Canada – Chili" not in text


def test_the_portuguese_page_of_a_brazil_pair_shows_the_title_of_the_promulgated_text(client):
    agreement = Agreement.objects.get(slug="de-br")
    text = page(client, f"/pt{agreement.get_absolute_url().removeprefix('/en')}")
    assert ("<h1>Acordo de Previdência Social entre a República Federativa do Brasil e a República Federal da "
            "Alemanha</h1>") in text
    # The heading is the original title: it is not repeated under it.
    assert '<p class="lead" lang="pt">' not in text


@pytest.mark.parametrize("language, note, english", [
    ("es", "disposiciones comunes a la mayoría de los acuerdos de los Estados Unidos", "provisions common to most"),
    ("pt", "disposições comuns à maioria dos acordos dos Estados Unidos", "provisions common to most"),
    ("fr", "dispositions communes à la plupart des accords des États-Unis", "provisions common to most"),
])
def test_an_agreement_page_shows_the_provisions_note_in_the_visitors_language(client, language, note, english):
    agreement = Agreement.objects.get(slug="us-cl")
    text = page(client, f"/{language}{agreement.get_absolute_url().removeprefix('/en')}")
    assert note in text
    assert english not in text


def test_every_reference_row_says_where_its_translations_come_from():
    rows = list(csv.DictReader((DATA / "agreements.csv").open(encoding="utf-8")))
    assert rows and all(row["title_translations_source"].strip() for row in rows)
    assert all(row["provisions_translations_source"].strip() for row in rows)
    # A title that is not the parties' names ("Canada – Chili") is an official text's: its source says
    # "official" or names the promulgated text, with an address or a gazette reference a reader can follow.
    for row in rows:
        for language, column in (("French", "title_fr"), ("Portuguese", "title_pt")):
            if " – " in row[column] or row["kind"] != "bilateral":
                continue
            source = row["title_translations_source"]
            assert f"{language}" in source, (row["slug"], column)
            assert "http" in source or "docplayer" in source or "koetzadvocacia" in source, (row["slug"], column)
    # Every row's note is filled in the four languages, and the project's own translation says it is.
    for row in rows:
        assert all(row[f"provisions_source{suffix}"] for suffix in ("", "_es", "_pt", "_fr")), row["slug"]
        assert "project translation" in row["provisions_translations_source"]


def test_the_mercosur_agreement_reads_in_its_authentic_portuguese_title_on_pt(client):
    agreement = Agreement.objects.get(slug="mercosur")
    text = page(client, f"/pt{agreement.get_absolute_url().removeprefix('/en')}")
    assert "Acordo Multilateral de Seguridade Social do Mercado Comum do Sul" in text


def test_reloading_puts_back_portuguese_and_french_titles_and_the_translated_provisions_note():
    Agreement.objects.filter(slug="es-br").update(title_pt="", title_fr="stale", provisions_source_fr="stale")
    demo.load_reference()
    agreement = Agreement.objects.get(slug="es-br")
    assert (agreement.title_pt, agreement.title_fr) == (
        "Convênio de Seguridade Social entre a República Federativa do Brasil e o Reino da Espanha", "Espagne – Brésil")
    assert agreement.provisions_source_fr.startswith("La totalisation des périodes d'assurance")


def test_the_export_carries_the_four_titles_and_a_file_without_the_new_columns_keeps_them():
    agreement = Agreement.objects.get(slug="us-cl")
    row = agreement_row(agreement)
    assert (row["title_pt"], row["title_fr"]) == ("Estados Unidos – Chile", "États-Unis – Chili")

    countries = {country.iso2: country for country in Country.objects.all()}
    assert row["provisions_source_es"].startswith("SSA POMS GN 01701.005 C: disposiciones comunes")
    later = ("title_pt", "title_fr", "provisions_source_es", "provisions_source_pt", "provisions_source_fr")
    older_file = {name: str(value) for name, value in row.items() if name not in later}
    parsed = parse_row(older_file, 2, countries)
    assert parsed.errors == []
    assert not set(later) & set(parsed.values)
    assert parsed.values["provisions_source_en"] == row["provisions_source"]


@pytest.mark.parametrize("language, note", [
    ("es", "Un nuevo acuerdo, firmado el 2013-03-14, lo reemplazó el 2017-08-01"),
    ("pt", "Um novo acordo, assinado em 2013-03-14, substituiu-o em 2017-08-01"),
    ("fr", "Un nouvel accord, signé le 2013-03-14, l'a remplacé le 2017-08-01"),
])
def test_a_status_note_reads_in_the_visitors_language(client, language, note):
    agreement = Agreement.objects.get(slug="ca-fr")
    text = page(client, f"/{language}{agreement.get_absolute_url().removeprefix('/en')}")
    assert note in text
    assert "A new agreement, signed" not in text


def test_every_status_note_is_written_in_the_four_languages_and_says_who_translated_it():
    rows = list(csv.DictReader((DATA / "agreements.csv").open(encoding="utf-8")))
    noted = [row for row in rows if row["status_note"]]
    assert noted
    for row in noted:
        assert all(row[f"status_note_{language}"] for language in ("es", "pt", "fr")), row["slug"]
        assert "project translation" in row["status_note_translations_source"], row["slug"]
    agreement = Agreement.objects.get(slug="us-gb")
    row = agreement_row(agreement)
    assert row["status_note_fr"].startswith("Dispositions sur l'assujettissement")
    parsed = parse_row({name: str(value) for name, value in row.items()}, 2,
                       {country.iso2: country for country in Country.objects.all()})
    assert parsed.values["status_note_pt"].startswith("Disposições sobre filiação")
