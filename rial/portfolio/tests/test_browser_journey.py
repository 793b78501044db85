"""The journey that matters most, in a real browser: a focal point submits, the Secretariat publishes,
the public finds the program."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.portfolio.models import Program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _session_cookie(user, live_server) -> dict:
    client = login(Client(), user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}


def test_a_focal_point_submits_the_secretariat_publishes_and_the_public_finds_it(
        live_server, chromium_path, focal_cl, secretariat):
    # Sessions are made before the browser starts: Playwright's event loop forbids database calls.
    focal_cookie, secretariat_cookie = _session_cookie(focal_cl, live_server), _session_cookie(secretariat, live_server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        try:
            focal = browser.new_context()
            focal.add_cookies([focal_cookie])
            page = focal.new_page()
            page.goto(f"{live_server.url}/es/programs/new/")
            page.get_by_label("Nombre", exact=False).first.fill("Puente de empleo juvenil")
            page.get_by_label("Resumen", exact=False).first.fill("Aprendizajes pagados para jóvenes.")
            page.get_by_label("Empleo juvenil").check()
            page.get_by_role("button", name="Guardar el borrador").click()
            page.get_by_role("button", name="Enviar para revisión").click()
            expect(page.get_by_text("La Secretaría Técnica lo revisará")).to_be_visible()

            reviewer = browser.new_context()
            reviewer.add_cookies([secretariat_cookie])
            page = reviewer.new_page()
            page.goto(f"{live_server.url}/en/programs/review/")
            page.get_by_role("link", name="Puente de empleo juvenil").click()
            page.get_by_role("button", name="Publish").click()
            expect(page.get_by_text("The program was published.")).to_be_visible()

            public = browser.new_page()
            public.goto(f"{live_server.url}/es/programs/?q=jóvenes")
            public.get_by_role("link", name="Puente de empleo juvenil").click()
            expect(public.get_by_role("heading", level=1)).to_have_text("Puente de empleo juvenil")
        finally:
            browser.close()
    assert Program.objects.get(name_es="Puente de empleo juvenil").status == Program.Status.PUBLISHED
