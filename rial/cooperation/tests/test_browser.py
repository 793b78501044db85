"""The most important journey, as a person sees it: a focal point proposes to an open call."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import sync_playwright

from rial.cooperation.models import Proposal
from rial.cooperation.tests.factories import open_call

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_focal_point_proposes_and_sees_the_cost_estimate(live_server, chromium_path, focal_cl):
    call = open_call()
    client = Client()
    client.force_login(focal_cl)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/cooperation/calls/{call.number}/")
        page.get_by_role("link", name="Submit a proposal").click()
        page.get_by_label("Requesting ministry").select_option(label="Chile — Ministerio del Trabajo y Previsión Social")
        page.get_by_label("Providing ministry").select_option(label="Brazil — Ministério do Trabalho e Emprego")
        page.get_by_label("Modality").select_option(label="Officials of the requesting ministry visit the provider")
        page.get_by_label("Labor inspection").check()
        page.get_by_label("Title").fill("Inspection case files")
        page.get_by_label("Objectives").fill("Learn how inspections are planned.")
        page.get_by_label("Expected results").fill("An adaptation plan.")
        page.get_by_label("Agenda by day").fill("Day 1: presentation\nDay 2: field visit")
        page.get_by_label("Number of travellers").fill("2")
        page.get_by_label("Number of days").fill("2")
        page.get_by_role("button", name="Save").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Inspection case files"
        assert "Its cost estimate is USD 2,800.00" in page.get_by_role("status").inner_text()
        assert "not yet confirmed" in page.content()
        browser.close()
    assert Proposal.objects.get(title="Inspection case files").cost_estimate == 2800
