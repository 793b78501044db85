"""A visitor of /es/, /pt/ or /fr/ meets no English where the content is ours to translate: the demo's
programs, events, meetings, library documents, forums, calls and the demonstration plan, and the reference
activities of bilateral cooperation. The crawl follows the main navigation and one level of links from each
main page (as rial/portal/tests/test_crawl.py does) and looks for phrases the English records hold."""

import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from rial.conference.models import WorkingGroup
from rial.portal.tests.test_crawl import _links, _same_site

pytestmark = pytest.mark.django_db

# Words of the English texts of the demo and reference records (each translated in the loaders or data files).
ENGLISH = (
    "Youth apprenticeship bridge", "Digital labor inspection", "Domestic work registration drive",
    "Rural employment services", "Job retention subsidy", "Remote work guidance", "An invented program",
    "An invented COVID-19 measure", "DEMO objectives: show how",
    "hemispheric workshop on labor inspection", "webinar on labor migration and recruitment",
    "DEMO meeting of Working Group 1",
    "Study on the portability of pension rights", "Lessons learned from virtual labor inspection",
    "An invented document",
    "Labor inspection in the platform economy", "how labor inspectorates reach",
    "Eradication of child labor", "Protection of the rights of people with disabilities",
    "Labor conflict prevention and resolution", "Unemployment insurance systems", "direction not labelled in source",
    "PLAN OF ACTION OF DEMO CITY", "Plan of Action of Demo City", "a conference invented to show the cycle",
    "DEMO call: invented to show the workflow",
    "DEMO: share how ministries plan and target", "DEMO panel 1: planning inspections with data",
    "DEMO: RIAL Voluntary Contribution Fund", "DEMO: present fair recruitment practices",
    "DEMO: heads of labor inspection", "ninety minutes were too short", "DEMO: exchange experiences on labor inspection",
    # The demonstration plan's groups, their topics and its mandates (its four language versions), a topic
    # and a country named by the cooperation charts.
    "DEMO skills, jobs and the green transition", "Skills for the green transition",
    "Publish a demonstration inventory", "Keep the demonstration portfolio of cooperation programs",
    "Dispute resolution, mediation and conciliation",
)
LINKS_PER_PAGE = 8


def _pages(client: Client, language: str) -> dict[str, str]:
    """The text of the home page, the main navigation's pages and the first links of each."""
    pages: dict[str, str] = {}

    def get(url: str) -> str | None:
        if url in pages:
            return None
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            return None
        pages[url] = html.unescape(response.content.decode())
        return pages[url]

    home = get(f"/{language}/")
    for main_page in dict.fromkeys(filter(None, map(_same_site, _links(home).nav))):
        text = get(main_page)
        if text is None:
            continue
        links = [link for link in dict.fromkeys(filter(None, map(_same_site, _links(text).main)))
                 if link.startswith(f"/{language}/")]
        for link in links[:LINKS_PER_PAGE]:
            get(link)
    for extra in ("cooperation/activities/", "programs/", "events/", "events/?when=past", "library/", "forum/",
                  "conference/25/", "cooperation/impact/", "cooperation/network/"):
        get(f"/{language}/{extra}")
    for group in WorkingGroup.objects.filter(conference__number=25):
        get(f"/{language}/{group.get_absolute_url().split('/', 2)[2]}")
    return pages


def _english_on(pages: dict[str, str]) -> set[tuple[str, str]]:
    return {(phrase, url) for url, text in pages.items() for phrase in ENGLISH if phrase in text}


def test_the_demo_and_reference_content_reads_in_spanish_portuguese_and_french():
    call_command("load_demo", stdout=io.StringIO())
    client = Client()
    # The crawl reaches the records: in English it meets most of the phrases.
    found_in_english = {phrase for phrase, _url in _english_on(_pages(client, "en"))}
    assert len(found_in_english) >= len(ENGLISH) // 2, set(ENGLISH) - found_in_english
    for language in ("es", "pt", "fr"):
        assert sorted(_english_on(_pages(client, language))) == [], language


def test_a_demo_program_event_and_newsletter_read_in_french():
    call_command("load_demo", stdout=io.StringIO())
    client = Client()
    assert "DEMO Passerelle d'apprentissage pour les jeunes" in html.unescape(client.get("/fr/programs/").content.decode())
    events = html.unescape(client.get("/fr/events/").content.decode())
    assert "Atelier hémisphérique DEMO sur l'inspection du travail" in events
    from rial.events.models import Event

    workshop = Event.objects.get(meeting__title_en="DEMO hemispheric workshop on labor inspection")
    path = workshop.get_absolute_url().split("/", 2)[2]  # without the language the last request left active
    detail = html.unescape(client.get(f"/fr/{path}").content.decode())
    assert '<p lang="fr">DEMO : partager la façon dont les ministères planifient' in detail
    assert "Table ronde DEMO 1 : planifier les inspections avec des données" in detail
    from rial.newsletter.models import Issue

    issue = Issue.objects.get(is_demo=True)
    assert "fr" in issue.languages
    assert issue.title_fr.startswith("Numéro DEMO")


def test_a_focal_points_desk_and_notifications_read_in_the_language_of_their_country():
    # The demo's accounts never chose a language; they were all written to in English (the account's
    # default), so Chile's and Brazil's focal points found "Your ministry is named as provider" on /es/, /pt/.
    call_command("load_demo", stdout=io.StringIO())
    for username, language, english in (("demo-focal-cl", "es", "Your ministry is named as provider"),
                                        ("demo-focal-br", "pt", "Your ministry is named as provider")):
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for page in ("desk/", "notifications/"):
            text = html.unescape(client.get(f"/{language}/{page}").content.decode())
            assert english not in text, (username, page)
