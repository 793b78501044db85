"""On a 390×844 phone no main public page is wider than the screen, in English and Spanish, and the header
leaves the page's heading on the first screen (the main menu folds behind a button)."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 390, "height": 844}
PAGES = ("", "programs/", "library/", "agreements/matrix/", "agreements/coverage/?a=BR&b=UY", "countries/cl/",
         "meetings/", "search/?q=labor")
WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture
def phone(live_server, chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        yield browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
        browser.close()


def test_no_main_page_is_wider_than_a_phone(live_server, phone):
    too_wide = {}
    for language in ("en", "es"):
        for path in PAGES:
            address = f"/{language}/{path}"
            phone.goto(live_server.url + address)
            expect(phone.get_by_role("heading", level=1)).to_be_visible()
            width = phone.evaluate(WIDTH)
            if width > PHONE["width"]:
                too_wide[address] = width
    assert too_wide == {}, too_wide


def test_the_menu_folds_so_the_heading_is_on_the_first_screen(live_server, phone):
    phone.goto(live_server.url + "/es/programs/")
    heading = phone.get_by_role("heading", level=1)
    expect(heading).to_be_in_viewport()
    menu = phone.get_by_role("navigation", name="Principal")
    countries = menu.get_by_role("link", name="Países")
    expect(countries).to_be_hidden()
    phone.get_by_role("button", name="Menú").tap()
    expect(countries).to_be_visible()
    countries.tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Países")


def test_coverage_cards_keep_their_values_inside_on_a_desktop(live_server, chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live_server.url + "/en/agreements/coverage/?a=BR&b=UY&on=2024-01-01")
        card = page.locator(".coverage-answer .card").first
        expect(card).to_be_visible()
        card_box = card.bounding_box()
        values = card.locator("dd")
        expect(values.first).to_be_visible()
        for index in range(values.count()):
            box = values.nth(index).bounding_box()
            assert box["width"] > 0 and box["x"] + box["width"] <= card_box["x"] + card_box["width"] + 1
        browser.close()
