"""The shared layout: no external request, the error pages, bounded queries on the foundation's pages."""

import re

import pytest

from rial.directory.demo import ministry_slug
from rial.portal.tests.test_home import HOME_QUERIES  # the home page gathers every app's section

pytestmark = pytest.mark.django_db

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*(?:src|href)=["'](?:https?:)?//""", re.I)
PAGES = ["/en/", "/en/countries/", "/en/countries/br/", "/en/institutions/", f"/en/institutions/{ministry_slug('BR')}/",
         "/en/topics/", "/en/topics/labor/", "/en/accounts/login/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_another_site(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not EXTERNAL.search(response.content.decode())


def test_the_layout_has_the_header_tools(client):
    page = client.get("/en/").content.decode()
    assert 'class="skip-link" href="#main"' in page
    assert 'action="/i18n/setlang/"' in page
    assert "/static/rial/vendor/htmx-" in page
    assert ">Log in</a>" in page


def test_an_unknown_page_is_a_helpful_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.content.decode()


# The home page gathers every area's latest records; its bound comes from rial/portal/tests/test_home.py.
# The country page gathers a section from each app (agreements, fund, programs, cooperation, meetings…), each
# with its own fixed number of queries (events: one, its attendance counted in the same query; the figures over
# time three; the mandates it leads three; meetings attended two; agreement partners two); the bound holds
# whatever the amount of data behind them (rial/portal/tests/test_country_profile.py compares 1× and 10×).
@pytest.mark.parametrize(("path", "limit"), [("/en/", HOME_QUERIES), ("/en/countries/", 4), ("/en/countries/br/", 20),
                                             ("/en/institutions/", 4), ("/en/topics/", 4),
                                             (f"/en/institutions/{ministry_slug('BR')}/", 8)])
def test_foundation_pages_run_a_bounded_number_of_queries(client, django_assert_max_num_queries, path, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(path).status_code == 200
