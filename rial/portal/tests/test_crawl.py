"""A smoke crawl across every app, as each kind of user, in English and Spanish.

With the demo loaded, it follows the main navigation and one level of same-site links from each
app's main page, and checks what breaks most often when apps are merged: a server error, a page
without its one h1 or its language, a form control without a label (rial.core.tests.a11y).
"""

import io
import re
import time
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import login
from rial.core.tests.a11y import accessibility_problems

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "focal_cl", "member_co", "cosate_rep", "ilo_rep", "secretariat"]
LINKS_PER_APP = 5
# Addresses that act rather than show, or leave the site's pages (the admin has its own templates).
SKIP = re.compile(r"^/(?:[a-z]{2}/)?(?:admin/|accounts/logout|i18n/|static/|media/)|\.(?:ics|csv|xlsx|pdf|json)$")


class _Links(HTMLParser):
    """The links of the main navigation and of the <main> landmark."""

    def __init__(self):
        super().__init__()
        self.nav, self.main = [], []
        self._in_nav = self._in_main = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "nav" and "main-nav" in (attributes.get("class") or ""):
            self._in_nav += 1
        elif tag == "main":
            self._in_main += 1
        elif tag == "a" and attributes.get("href"):
            if self._in_nav:
                self.nav.append(attributes["href"])
            elif self._in_main:
                self.main.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        elif tag == "main" and self._in_main:
            self._in_main -= 1


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def _same_site(href: str) -> str | None:
    href = urldefrag(href)[0]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
        return None
    return href


def _check(client: Client, url: str, failures: list[str]) -> str | None:
    response = client.get(url)
    if response.status_code >= 500:
        failures.append(f"{url}: {response.status_code}")
        return None
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return None
    html = response.content.decode()
    failures.extend(f"{url}: {problem}" for problem in accessibility_problems(html))
    return html


def _crawl(client: Client, language: str) -> tuple[int, list[str]]:
    failures: list[str] = []
    visited: set[str] = set()
    home = _check(client, f"/{language}/", failures)
    assert home is not None, failures
    visited.add(f"/{language}/")
    for main_page in dict.fromkeys(filter(None, map(_same_site, _links(home).nav))):
        if main_page in visited:
            continue
        visited.add(main_page)
        html = _check(client, main_page, failures)
        if html is None:
            continue
        followed = 0
        for link in dict.fromkeys(filter(None, map(_same_site, _links(html).main))):
            if followed == LINKS_PER_APP:
                break
            if link not in visited:
                visited.add(link)
                followed += 1
                _check(client, link, failures)
    return len(visited), failures


def test_every_persona_crawls_the_navigation_in_english_and_spanish_without_errors(request):
    call_command("load_demo", stdout=io.StringIO())
    started = time.monotonic()
    failures, pages = [], 0
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            login(client, request.getfixturevalue(persona))
        for language in ("en", "es"):
            count, found = _crawl(client, language)
            pages += count
            failures.extend(f"[{persona} {language}] {failure}" for failure in found)
    assert failures == []
    # The navigation and the main pages' links: a shrinking count would mean the crawl lost its way.
    assert pages >= len(PERSONAS) * 2 * 30
    # Speed is reported, not asserted: on a shared two-core machine a bound would only make the test flaky.
    print(f"crawled {pages} pages in {time.monotonic() - started:.1f} s")
