"""The library's review in a real browser: a partner organization submits a study, the Secretariat finds it
in its queue and returns it with the reason, the partner reads the reason on its desk (in Spanish, on a
390 px phone), changes nothing but its summary and submits again, and the Secretariat publishes it."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.library.models import Document
from rial.library.tests.factories import DocumentFactory
from rial.notifications.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _session_cookie(user, live_server) -> dict:
    client = login(Client(), user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}


def test_submitted_returned_with_the_reason_resubmitted_and_published(live_server, chromium_path, ilo_rep,
                                                                      secretariat):
    document = DocumentFactory(title_en="Platform work in the Americas", status=Document.Status.DRAFT,
                               owner_institution=Institution.objects.get(slug="ilo"),
                               source_url="https://example.org/platform-work")
    # Sessions are made before the browser starts: Playwright's event loop forbids database calls.
    partner_cookie, secretariat_cookie = _session_cookie(ilo_rep, live_server), _session_cookie(secretariat, live_server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        try:
            partner = browser.new_context(viewport={"width": 390, "height": 844})
            partner.add_cookies([partner_cookie])
            page = partner.new_page()
            page.goto(f"{live_server.url}/en/library/{document.pk}/")
            page.get_by_role("button", name="Submit to the Technical Secretariat for review").click()
            expect(page.get_by_text("the Technical Secretariat will review it")).to_be_visible()

            reviewer = browser.new_context()
            reviewer.add_cookies([secretariat_cookie])
            review = reviewer.new_page()
            review.goto(f"{live_server.url}/en/desk/")
            review.get_by_role("region", name="Library").get_by_role("link", name="The library's review queue").click()
            review.get_by_role("link", name="Platform work in the Americas").click()
            expect(review.get_by_label("What must change")).to_have_attribute("required", "")  # no reason, no return
            review.get_by_label("What must change").fill("Add a summary in Spanish.")
            review.get_by_role("button", name="Return to the submitter").click()
            expect(review.get_by_text("returned to its submitter with your comments")).to_be_visible()

            page.goto(f"{live_server.url}/es/desk/")
            page.get_by_role("region", name="Biblioteca").get_by_role(
                "link", name="Platform work in the Americas").click()
            expect(page.get_by_text("Add a summary in Spanish.").first).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            page.get_by_role("button", name="Enviar a la Secretaría Técnica para revisión").click()
            expect(page.get_by_text("la Secretaría Técnica lo revisará")).to_be_visible()

            review.goto(f"{live_server.url}/en/library/review/")
            review.get_by_role("link", name="Platform work in the Americas").click()
            review.get_by_role("button", name="Publish").click()
            expect(review.get_by_text("The document was published.")).to_be_visible()
        finally:
            browser.close()
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED
    assert sorted(Notification.objects.filter(user=ilo_rep).values_list("kind", flat=True)) == [
        "library.document.published", "library.document.returned"]
