"""The most important journey, in a real browser: a focal point keeps their ministry's contact details."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from rial.core.tests.a11y import accessibility_problems
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself happen
# outside the browser session, but Django refuses any ORM call while a loop runs unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

NEW_PHONE = "+56 2 2753 0400"


def test_a_focal_point_of_chile_edits_the_contact_in_spanish_and_is_refused_brazil(live_server, chromium_path,
                                                                                     focal_cl):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page()
        page.goto(f"{live_server.url}/en/accounts/login/")
        page.get_by_label("Username").fill("focal-cl")
        page.get_by_label("Password").fill("a-good-test-password")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your desk")
        page.get_by_role("link", name="Your account").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your account")

        # The language switcher keeps the person on the same page, now under /es/.
        page.get_by_label("Language", exact=True).select_option("es")
        page.get_by_role("button", name="Change").click()
        expect(page).to_have_url(f"{live_server.url}/es/accounts/profile/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Su cuenta")

        page.get_by_role("link", name="Datos de contacto de").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Datos de contacto de")
        page.get_by_label("Teléfono de contacto").fill(NEW_PHONE)
        page.get_by_role("button", name="Guardar").click()
        expect(page.get_by_role("status")).to_contain_text("Se guardaron los datos de contacto.")
        expect(page.get_by_text(NEW_PHONE)).to_be_visible()
        assert accessibility_problems(page.content()) == []

        # Brazil's ministry is not theirs: the edit page refuses, in Spanish.
        response = page.goto(f"{live_server.url}/es/institutions/{ministry_slug('BR')}/edit/")
        assert response.status == 403
        expect(page.get_by_role("heading", level=1)).to_have_text("No puede hacer esto")
        expect(page.get_by_label("Teléfono de contacto")).to_have_count(0)
        browser.close()

    assert Institution.objects.get(slug=ministry_slug("CL")).phone == NEW_PHONE
    assert Institution.objects.get(slug=ministry_slug("BR")).phone != NEW_PHONE
