"""Reference content reads in the visitor's language on /pt/ and /fr/: conference themes, working group
names, topic labels, meeting titles, partner organizations and ministries (whose official name stays as written)."""

import csv
import html

import pytest
from django.utils import translation

from rial.conference import demo as conference_demo
from rial.conference.models import Conference, WorkingGroup
from rial.directory import demo as directory_demo
from rial.directory.models import Institution
from rial.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    with translation.override("en"):  # the request activates the page's language; leave English behind
        response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


@pytest.mark.parametrize("language, theme, group_title", [
    ("pt", "Alcançar o trabalho decente com inclusão social e desenvolvimento sustentável nas Américas",
     "Políticas públicas integradas para o emprego produtivo e o trabalho decente com inclusão social"),
    ("fr", "Parvenir au travail décent avec inclusion sociale et développement durable dans les Amériques",
     "Politiques publiques intégrées pour l'emploi productif et le travail décent avec inclusion sociale"),
])
def test_a_conference_page_shows_its_theme_and_working_groups_translated(client, language, theme, group_title):
    text = page(client, f"/{language}/conference/19/")
    assert theme in text and group_title in text
    assert "Achieving decent work with social inclusion" not in text


@pytest.mark.parametrize("language, title", [
    ("pt", "Fortalecimento institucional dos Ministérios do Trabalho e promoção do diálogo social institucionalizado"),
    ("fr", "Renforcement institutionnel des ministères du Travail et promotion du dialogue social institutionnalisé"),
])
def test_a_working_group_page_shows_its_name_translated(client, language, title):
    group = WorkingGroup.objects.get(conference__number=21, number=2)
    assert title in page(client, f"/{language}{group.get_absolute_url().removeprefix('/en')}")


@pytest.mark.parametrize("language, label", [("pt", "Cumprimento e divulgação da legislação trabalhista"),
                                             ("fr", "Application et diffusion du droit du travail")])
def test_a_topic_page_shows_its_label_translated(client, language, label):
    assert label in page(client, f"/{language}/topics/labor-law/")


@pytest.mark.parametrize("language, ilo, described_ministry", [
    ("pt", "Organização Internacional do Trabalho", "Ministério responsável pelo trabalho"),
    ("fr", "Organisation internationale du Travail", "Ministère chargé du travail"),
])
def test_organizations_and_descriptive_ministry_labels_are_translated(client, language, ilo, described_ministry):
    assert ilo in page(client, f"/{language}/institutions/ilo/")
    assert described_ministry in page(client, f"/{language}/institutions/ministry-ag/")


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_an_official_ministry_name_stays_as_officially_written(client, language):
    # Chile's ministry has no Portuguese or French name: its Spanish official name is shown.
    assert "Ministerio del Trabajo y Previsión Social" in page(client, f"/{language}/institutions/ministry-cl/")


def test_reloading_updates_translations_in_existing_rows_and_keeps_what_a_plan_wrote():
    conference = Conference.objects.get(number=22)
    group = WorkingGroup.objects.get(conference__number=21, number=1)
    ilo = Institution.objects.get(slug="ilo")
    Conference.objects.filter(pk=conference.pk).update(theme_fr="stale", theme_pt="")
    WorkingGroup.objects.filter(pk=group.pk).update(title_pt="stale", title_fr="", title_es="Título de un plan")
    Institution.objects.filter(pk=ilo.pk).update(name_pt="stale", acronym_fr="")

    conference_demo.load_reference()
    directory_demo.load_reference()

    conference.refresh_from_db()
    group.refresh_from_db()
    ilo.refresh_from_db()
    assert conference.theme_fr.startswith("L'avenir du travail dans les Amériques")
    assert conference.theme_pt.startswith("O futuro do trabalho nas Américas")
    assert group.title_pt.startswith("Políticas públicas integradas para enfrentar a crise da COVID-19")
    assert group.title_fr.startswith("Politiques publiques intégrées pour faire face à la crise")
    assert group.title_es == "Título de un plan"  # an imported Spanish plan's title is never overwritten
    assert (ilo.name_pt, ilo.acronym_fr) == ("Organização Internacional do Trabalho", "OIT")


@pytest.mark.parametrize("language, title", [("pt", "Oficina hemisférica sobre cumprimento da legislação trabalhista"),
                                             ("fr", "Atelier hémisphérique sur le respect de la législation du travail")])
def test_a_recorded_meeting_shows_its_title_translated(client, language, title):
    meeting = Meeting.objects.get(title_en="Hemispheric workshop on labor law compliance", is_demo=False)
    assert title in page(client, f"/{language}/meetings/{meeting.pk}/")


def test_a_theme_with_an_official_oas_wording_reads_as_the_oas_wrote_it(client):
    # The Declaration of Cancún 2015 (OEA/Ser.K/XII.19.1, CIDI/TRABAJO/DEC.1/15) names the XIX IACML's theme.
    text = page(client, "/es/conference/19/")
    assert "Construyendo trabajo decente con inclusión social y desarrollo sostenible en las Américas" in text


@pytest.mark.parametrize("language, note", [
    ("es", "Declaración de Ottawa; se identificó la necesidad de un mecanismo de cooperación"),
    ("pt", "Declaração de Ottawa; identificada a necessidade de um mecanismo de cooperação"),
    ("fr", "Déclaration d'Ottawa ; besoin d'un mécanisme de coopération constaté"),
])
def test_a_conferences_notes_read_in_the_visitors_language(client, language, note):
    text = page(client, f"/{language}/conference/12/")
    assert note in text
    assert "need for a cooperation mechanism identified" not in text


@pytest.mark.parametrize("language, note", [("es", "coorganizado por la OEA, la OIT y la OIM"),
                                            ("pt", "co-organizado pela OEA, a OIT e a OIM"),
                                            ("fr", "coorganisé par l'OEA, l'OIT et l'OIM")])
def test_a_recorded_meetings_notes_read_in_the_visitors_language(client, language, note):
    meeting = Meeting.objects.get(start_date="2017-07-13", is_demo=False)
    text = page(client, f"/{language}/meetings/{meeting.pk}/")
    assert note in text and "co-organized by the OAS" not in text


@pytest.mark.parametrize("file, columns", [
    ("conferences.csv", ("theme_es", "theme_pt", "theme_fr")),
    ("working_groups.csv", ("title_es", "title_pt", "title_fr")),
])
def test_every_translated_reference_row_says_where_its_wording_comes_from(file, columns):
    rows = list(csv.DictReader((conference_demo.DATA / file).open(encoding="utf-8")))
    translated = [row for row in rows if any(row[column] for column in columns)]
    assert translated
    for row in translated:
        source = row.get("theme_translations_source") or row.get("title_translations_source") or ""
        # Either the wording is the project's own and says so, or it names a text a reader can follow.
        assert "project translation" in source or "http" in source or "/DEC." in source, row


@pytest.mark.parametrize("number, wording", [
    (18, "50 años de diálogo interamericano para la promoción de la justicia social y el trabajo decente: avances y "
         "desafíos hacia el desarrollo sostenible"),
    (22, "El futuro del trabajo en las Américas: cimentando la paz, la justicia social y la acción climática"),
])
def test_a_spanish_theme_reads_as_the_oas_wrote_it(client, number, wording):
    assert wording in page(client, f"/es/conference/{number}/")
