"""At phone width (375 px) the navigation is usable and nothing overflows sideways."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from rial.core.tests.a11y import accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_site_is_usable_on_a_phone(live_server, chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        for path in ("/es/", "/es/countries/", "/es/countries/cl/", "/es/institutions/ministry-cl/",
                     "/es/accounts/login/"):
            page.goto(live_server.url + path)
            assert page.evaluate(OVERFLOW) <= 0, f"{path} scrolls sideways"
            assert accessibility_problems(page.content()) == [], path

        # Behind the menu button, every main navigation link is visible, big enough to tap, and reached by
        # the keyboard too.
        page.goto(live_server.url + "/es/")
        page.get_by_role("button", name="Menú").tap()
        navigation = page.get_by_role("navigation", name="Principal")
        expect(navigation.get_by_role("link", name="Países")).to_be_visible()
        links = navigation.get_by_role("link")
        assert links.count() >= 3
        for index in range(links.count()):
            box = links.nth(index).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
            assert box["height"] >= 24  # WCAG 2.2 target size (minimum)
        navigation.get_by_role("link", name="Países").tap()
        expect(page.get_by_role("heading", level=1)).to_have_text("Países")

        # The skip link is the first thing the keyboard reaches and it leads to the content.
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Saltar al contenido principal")).to_be_focused()
        browser.close()
