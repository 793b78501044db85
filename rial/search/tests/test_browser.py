"""In a real browser: a visitor searches in Spanish from the header, narrows by country, opens a program."""

import datetime
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from rial.portfolio import services as portfolio
from rial.portfolio.tests.factories import ministry
from rial.topics.models import Topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def published(focal, secretariat, **data):
    """A program drafted and submitted by a focal point and published by the Secretariat (real commits)."""
    program = portfolio.program_create(user=focal, data=data, topics=Topic.objects.filter(slug="labor-inspection"))
    portfolio.program_submit(program=program, user=focal)
    return portfolio.program_publish(program=program, user=secretariat)


def test_a_visitor_searches_in_spanish_narrows_by_country_and_opens_the_program(
        live_server, chromium_path, focal_cl, focal_br, secretariat):
    chile = published(focal_cl, secretariat, ministry=ministry("CL"), name_en="",
                      name_es="Inspecciones en faenas forestales", summary_es="Fiscalización de aserraderos.",
                      start=datetime.date(2022, 1, 1))
    published(focal_br, secretariat, ministry=ministry("BR"), name_en="Forestry inspection teams",
              summary_en="Mobile teams.", name_es="Equipos de inspección forestal", summary_es="Equipos móviles.",
              start=datetime.date(2020, 1, 1))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        try:
            page = browser.new_page()
            page.goto(f"{live_server.url}/es/")
            box = page.get_by_role("searchbox", name="Buscar en la plataforma")
            box.fill("inspección forestal")
            box.press("Enter")

            hits = page.locator("li.hit")
            expect(hits.filter(has_text="Inspecciones en faenas forestales")).to_have_count(1)
            expect(hits.filter(has_text="Equipos de inspección forestal")).to_have_count(1)
            expect(hits.first.locator("mark").first).to_be_visible()  # the query's words are highlighted
            expect(hits.locator(".badge").first).to_have_text("Programas")  # the kind, in Spanish

            page.locator(".search-facets").get_by_role("link", name=re.compile(r"^Chile")).click()
            expect(hits).to_have_count(1)
            expect(page.locator(".search-facets a[aria-current='true']")).to_contain_text("Chile")

            hits.first.get_by_role("link").click()
            expect(page).to_have_url(re.compile(rf"/es/programs/{chile.pk}/$"))
            expect(page.get_by_role("heading", level=1)).to_have_text("Inspecciones en faenas forestales")
        finally:
            browser.close()
