"""In a real browser: the Secretariat records an expense, sees it refused beyond the balance, then the
public page shows the 2016 totals and the charts."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.fund.services import balance


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_is_refused_an_overdraft_and_the_public_sees_the_totals(
        secretariat, client, live_server, chromium_path):
    session_id = login(client, secretariat).cookies[settings.SESSION_COOKIE_NAME].value
    available = balance("USD")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_id, "url": live_server.url}])
        page = context.new_page()
        page.goto(live_server.url + reverse("fund:expense_new"))
        page.get_by_label("Category").select_option("workshop")
        page.get_by_label("Amount").fill(f"{available + 1}")
        page.get_by_role("textbox", name="Date (required)").fill("2026-03-10")
        page.get_by_label("What it paid for").fill("Hemispheric workshop")
        page.get_by_role("button", name="Record").click()
        expect(page.get_by_role("alert").first).to_contain_text("below zero")

        page.get_by_label("Amount").fill("1500.25")
        page.get_by_role("button", name="Record").click()
        expect(page.get_by_role("status")).to_contain_text("The expense was recorded.")

        page.goto(live_server.url + reverse("fund:home"))
        totals = page.locator(".fund-totals")
        expect(totals).to_contain_text("USD 649,734.00")
        expect(totals).to_contain_text("USD 589,455.25")
        expect(page.get_by_role("img", name="Spending by year (USD)")).to_be_visible()
        browser.close()
