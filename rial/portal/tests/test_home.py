"""The home page: what the platform offers, and the latest from each area, from the owning apps."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from rial.conference.models import Conference
from rial.conference.services import troika_on
from rial.fund.reports import totals
from rial.portfolio.models import Program

pytestmark = pytest.mark.django_db

# Session, directory figures, troika and next conference, programs, calendar (two years), cooperation
# activities and their outcomes, fund totals (16); headline figures (5), the current plan, its mandates by
# group, what is due and what is overdue (4), open calls, the latest newsletter, country names and
# cooperation flows for the map (4): the same number however many records each app holds.
HOME_QUERIES = 29


def test_the_home_page_counts_member_states_ministries_and_partners(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/en/")
    page = response.content.decode()
    assert "35 member states" in page
    assert "35 ministries of labor in the directory." in page
    assert response.context["partner_count"] >= 10


def test_the_home_page_links_every_area_of_the_platform(client):
    page = client.get("/en/").content.decode()
    for address in ("/en/conference/", "/en/meetings/", "/en/programs/", "/en/cooperation/", "/en/fund/",
                    "/en/library/", "/en/agreements/", "/en/countries/", "/en/calendar/"):
        assert f'href="{address}"' in page, address


def test_the_troika_and_the_next_conference_come_from_the_conference_records(client):
    today = datetime.date.today()
    current = troika_on(today).conference
    upcoming = Conference.objects.create(number=current.number + 1, year=today.year + 1, city="Asunción",
                                         start=today + datetime.timedelta(days=300))
    response = client.get("/en/")
    assert response.context["troika"].conference == current
    assert response.context["next_conference"] == upcoming
    page = response.content.decode()
    assert f"Since the {current}:" in page
    assert f"{upcoming}</a>, Asunción" in page


def test_with_the_demo_the_home_page_shows_each_area_in_a_constant_number_of_queries(
        client, django_assert_max_num_queries):
    call_command("load_demo", stdout=io.StringIO())
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/es/")
    page = response.content.decode()
    context = response.context
    # Latest programs: published ones only, newest review first.
    assert context["programs"] and all(p.status == Program.Status.PUBLISHED for p in context["programs"])
    assert context["programs"][0].get_absolute_url() in page
    # Upcoming calendar entries: none already over, in date order, DEMO ones marked.
    days = [entry.last_day for entry, _url in context["upcoming"]]
    assert days and days == sorted(days) and min(days) >= datetime.date.today()
    assert 'class="badge badge-demo"' in page
    # Cooperation results: completed activities with their outcomes.
    assert context["activities"][0].get_absolute_url() in page
    # Fund totals are the fund's own figures.
    assert context["fund"] == totals() and context["fund"].received > Decimal(0)
    assert "Aportes recibidos" in page and "Próximas actividades" in page


def test_the_root_address_sends_to_a_language(client):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/fr/"


def test_the_demo_banner_shows_only_on_the_demo_site(client, monkeypatch):
    assert "Demonstration site" not in client.get("/en/").content.decode()
    monkeypatch.setenv("RIAL_DEMO", "1")
    assert "Demonstration site" in client.get("/en/").content.decode()
