"""A ministry whose official language the site does not offer (Suriname: Dutch) is named in the visitor's
language, and its page lists the official Dutch name in use first, then the former one with its end date; a
ministry of a country with two official languages among the site's (Canada) reads in French on /fr/."""

import html

import pytest
from django.utils import translation

from rial.directory import demo
from rial.directory.models import Institution, InstitutionName

pytestmark = pytest.mark.django_db

CURRENT = "Ministerie van Volksgezondheid, Welzijn en Arbeid"
FORMER = "Ministerie van Arbeid, Werkgelegenheid en Jeugdzaken"


def page(client, url: str) -> str:
    with translation.override("en"):  # the request activates the page's language; leave English behind
        response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.text)


@pytest.mark.parametrize("language, heading", [
    ("en", "Ministry of Public Health, Welfare and Labour"),
    ("es", "Ministerio de Salud Pública, Bienestar y Trabajo"),
    ("pt", "Ministério da Saúde Pública, Bem-Estar e Trabalho"),
    ("fr", "Ministère de la Santé publique, du Bien-être et du Travail"),
])
def test_surinames_ministry_reads_in_the_visitors_language_with_its_official_dutch_names(client, language, heading):
    text = page(client, f"/{language}/institutions/ministry-sr/")
    assert f"<h1>{heading}</h1>" in text
    assert f'<span lang="nl">{CURRENT}</span>' in text
    assert text.index(CURRENT) < text.index(FORMER)  # the name in use first
    assert "Ministry of Labour, Employment and Youth Affairs" not in text


def test_the_former_name_ends_when_the_current_one_begins():
    ministry = Institution.objects.get(slug="ministry-sr")
    current = InstitutionName.objects.get(institution=ministry, name=CURRENT)
    former = InstitutionName.objects.get(institution=ministry, name=FORMER)
    assert (current.language, str(current.valid_from), current.valid_until) == ("nl", "2025-07-17", None)
    assert (former.language, former.valid_from, str(former.valid_until)) == ("nl", None, "2025-07-17")
    assert former.verified and "gov.sr" in former.source


def test_reloading_puts_back_the_translations_and_writes_no_name_twice():
    ministry = Institution.objects.get(slug="ministry-sr")
    Institution.objects.filter(pk=ministry.pk).update(name_es="", name_fr="stale")

    demo.load_reference()
    demo.load_reference()

    ministry.refresh_from_db()
    assert (ministry.name_es, ministry.name_fr) == (
        "Ministerio de Salud Pública, Bienestar y Trabajo", "Ministère de la Santé publique, du Bien-être et du Travail")
    assert InstitutionName.objects.filter(institution=ministry).count() == 2


def test_canadas_labour_program_reads_in_french_under_its_official_french_name(client):
    assert "<h1>Emploi et Développement social Canada – Programme du travail</h1>" in page(
        client, "/fr/institutions/ministry-ca/")
    # Spanish and Portuguese show the name as officially written, in English.
    assert "<h1>Employment and Social Development Canada – Labour Program</h1>" in page(
        client, "/es/institutions/ministry-ca/")
