"""A Declaration or Plan of Action is named in the visitor's language (the text itself stays in its own
language, and the page says which): the OAS names of data/document_titles.csv, the other language version's
title, or "Plan of Action of <city>" in the language."""

import html

import pytest
from django.utils import translation

from rial.conference import demo as conference_demo
from rial.conference.models import Conference, ConferenceDocument
from rial.conference.tests import factories
from rial.conference.titles import DATA
from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows

pytestmark = pytest.mark.django_db
Status = ConferenceDocument.Status


def page(client, url: str) -> str:
    with translation.override("en"):
        response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


def _plan(number: int, title: str, status=Status.ADOPTED, language="en") -> ConferenceDocument:
    return ConferenceDocument.objects.create(
        conference=Conference.objects.get(number=number), kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
        language=language, status=status, **{f"title_{language}": title})


def test_the_port_of_spain_plan_is_named_in_each_language_on_the_conference_and_plan_pages(client):
    plan = _plan(15, "PLAN OF ACTION OF PORT OF SPAIN 2007")
    conference_demo.load_reference()  # names the documents already recorded
    assert "Plan de Acción de Puerto España" in page(client, "/es/conference/15/")
    assert "Plano de Ação de Port of Spain" in page(client, "/pt/conference/15/")
    spanish = page(client, f"/es/conference/plans/{plan.pk}/")
    assert '<h1 lang="es">Plan de Acción de Puerto España</h1>' in spanish
    assert "<h1 lang=\"en\">Plan of Action of Port of Spain</h1>" in page(client, f"/en/conference/plans/{plan.pk}/")


def test_the_api_names_the_plan_in_the_clients_language(client):
    _plan(15, "PLAN OF ACTION OF PORT OF SPAIN 2007")
    conference_demo.load_reference()
    answer = client.get("/api/v1/plans", HTTP_ACCEPT_LANGUAGE="fr").json()["items"]
    assert "Plan d'action de Port of Spain" in [plan["title"] for plan in answer]


def test_a_draft_is_named_a_draft_in_each_language():
    plan = _plan(19, "DRAFT PLAN OF ACTION OF CANCÚN", status=Status.DRAFT)
    conference_demo.load_reference()
    plan.refresh_from_db()
    assert (plan.title_en, plan.title_es, plan.title_fr) == (
        "Draft Plan of Action of Cancún", "Borrador de Plan de Acción de Cancún", "Projet de Plan d'action de Cancún")


def test_reloading_the_reference_names_changes_nothing():
    plan = _plan(15, "PLAN OF ACTION OF PORT OF SPAIN 2007")
    conference_demo.load_reference()
    versions = plan.history.count()
    conference_demo.load_reference()
    assert plan.history.count() == versions


def test_a_document_the_file_does_not_know_takes_the_other_versions_title_then_the_pattern(secretariat):
    """The demonstration plan (conference 25): English and Spanish texts, pt and fr names from the demo."""
    conference_demo.load_demo()
    english, spanish = (ConferenceDocument.objects.get(conference__number=25, language=language)
                        for language in ("en", "es"))
    assert english.title_es == spanish.title_es == "Plan de Acción de Ciudad Demo (DEMO)"
    assert english.title_fr == "Plan d'action de Ville Démo (DEMO)"


def test_a_plan_without_a_reference_name_gets_the_pattern_in_the_other_languages():
    from rial.conference.titles import titles_for

    plan = _plan(20, "PLAN OF ACTION OF BRIDGETOWN")
    names = titles_for(plan)
    assert names["en"] == "PLAN OF ACTION OF BRIDGETOWN"  # its own language keeps its words
    assert names["es"] == f"Plan de Acción de {plan.conference.city}"


def test_every_reference_name_has_its_four_languages_and_their_sources():
    rows = data_rows(DATA)
    assert rows
    for row in rows:
        for language in LANGUAGE_CODES:
            title = row["title" if language == "en" else f"title_{language}"]
            source = row["source" if language == "en" else f"source_{language}"]
            assert title.strip() and source.strip(), (row["conference"], row["kind"], language)
        assert row["kind"] in ConferenceDocument.Kind.values
        assert row["verified"] in ("0", "1")
        assert Conference.objects.filter(number=int(row["conference"])).exists()


def test_mandate_texts_shown_in_their_original_language_say_so(client):
    """A mandate with English text only, on the Spanish page, is marked lang="en" (WCAG 3.1.2)."""
    mandate = factories.mandate(factories.plan(92), None, text_en="Share experiences on labor inspection.")
    text = page(client, f"/es{mandate.get_absolute_url().removeprefix('/en')}")
    assert '<p class="lead" lang="en">Share experiences on labor inspection.</p>' in text
    mandate.text_es = "Compartir experiencias sobre la inspección del trabajo."
    mandate.save()
    assert '<p class="lead" lang="es">Compartir' in page(client, f"/es{mandate.get_absolute_url().removeprefix('/en')}")
