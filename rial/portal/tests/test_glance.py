"""The network at a glance: figures, the current cycle and the maps come from the records and link to them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from rial.conference.models import Mandate
from rial.conference.tests import factories as conference
from rial.cooperation.models import Activity, Participant
from rial.cooperation.tests.factories import ministry
from rial.fund.tests.factories import contribution
from rial.portal import glance
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def figure(page_figures: list[dict], label: str) -> dict:
    return next(f for f in page_figures if f["label"] == label)


def activity(first: str, second: str, **fields) -> Activity:
    fields.setdefault("state", Activity.State.COMPLETED)
    return Activity.objects.create(first_party=ministry(first), second_party=ministry(second),
                                   title=f"Visit {first}-{second}", year=2025, **fields)


def test_headline_figures_count_the_records_and_link_to_their_lists(client):
    before = client.get("/en/").context["figures"]
    ProgramFactory(status=Program.Status.PUBLISHED)
    ProgramFactory(status=Program.Status.DRAFT)
    done = activity("CL", "BR")
    Participant.objects.create(activity=done, institution=ministry("CL"), full_name="Ana Pérez")
    activity("CL", "BR", state=Activity.State.CANCELLED)
    after = client.get("/en/").context["figures"]

    def value(figures, label):
        return int(figure(figures, label)["value"].replace(",", ""))

    assert value(after, "programs in the portfolio") == value(before, "programs in the portfolio") + 1
    assert value(after, "cooperation activities") == value(before, "cooperation activities") + 1
    assert value(after, "officials trained in cooperation activities") == value(
        before, "officials trained in cooperation activities") + 1
    assert figure(after, "programs in the portfolio")["url"] == "/en/programs/"
    page = client.get("/en/").content.decode()
    assert 'href="/en/fund/"' in page and "received by the Voluntary Contribution Fund" in page


def test_figures_follow_the_language_number_format(client, secretariat):
    contribution(secretariat, amount="1234567.00")
    english = figure(client.get("/en/").context["figures"], "received by the Voluntary Contribution Fund")
    assert re.fullmatch(r"USD \d{1,3}(,\d{3})+", english["value"])
    spanish = client.get("/es/").content.decode()
    assert re.search(r"USD \d{1,3}([.\u00a0]\d{3})+", spanish)  # Spanish groups with a (no-break) space


def test_the_current_cycle_shows_mandates_by_group_and_status_with_what_is_due_and_overdue(client):
    plan = conference.plan(number=91)
    group = conference.group(plan.conference, number=1)
    conference.mandate(plan, group, label="a", status=Mandate.Status.DONE)
    conference.mandate(plan, group, label="b", status=Mandate.Status.IN_PROGRESS, due_date=conference.due(30))
    conference.mandate(plan, group, label="c", status=Mandate.Status.NOT_STARTED, due_date=conference.due(-3))
    conference.mandate(plan, group, label="d", status=Mandate.Status.NOT_STARTED,
                       due_date=conference.due(-3), archived_at=timezone.now())
    cycle = client.get("/en/").context["cycle"]
    assert cycle["plan"] == plan
    [bar] = cycle["groups"]
    assert bar["total"] == 3 and bar["done_percent"] == 33
    assert [m.label for m in cycle["due_next"]] == ["b"]
    assert cycle["overdue"] == 1
    page = client.get("/en/").content.decode()
    assert "1 mandate overdue" in page and "33% done or ongoing of 3 mandates" in page


def test_a_draft_plan_is_not_the_current_cycle():
    draft = conference.plan(number=92, status="draft")  # the highest number: it would win if drafts counted
    assert glance.current_plan() != draft


def test_the_cooperation_map_draws_who_cooperated_with_whom_and_tells_it_in_a_table(client):
    activity("JM", "CA")
    activity("JM", "CA")
    page = client.get("/en/").content.decode()
    assert 'role="img"' in page and "<title id=\"home-map-svgtitle\">Cooperation between ministries</title>" in page
    home_map = client.get("/en/").context["cooperation_map"]
    assert ("Jamaica", "Canada", 2) in home_map.flow_rows
    jamaica = next(c for c in home_map.countries if c.iso2 == "JM")
    assert jamaica.value >= 2 and jamaica.shade >= 1 and jamaica.small is True  # an island drawn with a dot
    assert "<td>Jamaica</td><td>Canada</td><td>2</td>" in page
    assert 'class="map-flow"' in page


def test_the_network_page_shows_three_maps_each_with_its_table(client, secretariat):
    contribution(secretariat, amount="5000.00", iso2="MX")
    response = client.get("/es/network/")
    assert response.status_code == 200
    maps = dict(response.context["maps"])
    assert set(maps) == {"cooperation", "agreements", "fund"}
    assert ("México", 5000) in [(name, int(value)) for name, value in maps["fund"].rows]
    page = response.content.decode()
    assert page.count("<svg") == 3 and page.count("<details class=\"map-table\">") == 3


def test_the_home_page_runs_the_same_number_of_queries_with_ten_times_the_records(client):
    plan = conference.plan(number=93)
    group = conference.group(plan.conference, number=1)
    conference.mandate(plan, group, label="a")
    activity("CL", "BR")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/")
    for n in range(10):
        conference.mandate(plan, conference.group(plan.conference, number=n + 2), label="x", due_date=conference.due(n))
        activity("PE", "CO")
        ProgramFactory(status=Program.Status.PUBLISHED)
    with CaptureQueriesContext(connection) as large:
        client.get("/en/")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_network_page_runs_the_same_number_of_queries_with_ten_times_the_records(client, secretariat):
    activity("CL", "BR")
    contribution(secretariat, amount="100.00", iso2="CL")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/en/network/").status_code == 200
    for n in range(10):
        activity("PE", "CO")
        activity("MX", ["AR", "UY", "JM", "CA", "US", "CR", "PA", "EC", "BO", "PY"][n])
        contribution(secretariat, amount="100.00", iso2=["AR", "UY", "JM", "CA", "US", "CR", "PA", "EC", "BO", "PY"][n])
    with CaptureQueriesContext(connection) as large:
        assert client.get("/en/network/").status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries) <= 7  # each map reads the names when drawn


def test_a_country_page_shows_the_country_on_the_map_with_its_partners(client):
    activity("UY", "AR")
    activity("PE", "CO")
    response = client.get("/en/countries/UY/")
    page = response.content.decode()
    assert "map-highlight" in page
    assert "<td>Uruguay</td><td>Argentina</td><td>1</td>" in page
    assert "<td>Peru</td><td>Colombia</td>" not in page


def test_sitemap_lists_public_pages_in_every_language_and_robots_points_to_it(client):
    published = ProgramFactory(status=Program.Status.PUBLISHED)
    draft = ProgramFactory(status=Program.Status.DRAFT)
    sitemap = client.get("/sitemap.xml").content.decode()
    with translation.override("es"):
        assert f"http://testserver{published.get_absolute_url()}" in sitemap
        assert draft.get_absolute_url() not in sitemap
    assert 'hreflang="fr"' in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


def test_pages_carry_open_graph_tags_an_icon_and_link_the_accessibility_statement(client):
    page = client.get("/pt/").content.decode()
    assert '<meta property="og:title"' in page and '<meta property="og:locale" content="pt">' in page
    assert 'rel="icon"' in page
    statement = client.get("/pt/accessibility/")
    assert statement.status_code == 200 and "WCAG" in statement.content.decode()
    assert 'href="/pt/accessibility/"' in page


def test_a_future_date_is_not_counted_as_held(client):
    from rial.meetings.tests.factories import MeetingFactory
    before = figure(client.get("/en/").context["figures"], "meetings and events held")["value"]
    soon = datetime.date.today() + datetime.timedelta(days=5)
    MeetingFactory(is_published=True, start_date=soon, end_date=soon)
    after = figure(client.get("/en/").context["figures"], "meetings and events held")["value"]
    assert before == after


@pytest.mark.django_db(transaction=True)
def test_a_kept_map_is_never_shown_after_a_committed_change(client, django_assert_num_queries):
    """Maps are kept between requests (glance.drawn) until the next committed write, for everyone."""
    before = client.get("/en/network/").content.decode()
    assert "<td>Jamaica</td><td>Canada</td>" not in before
    with django_assert_num_queries(0):  # the three maps are kept: nothing to read
        assert client.get("/en/network/").content.decode() == before
    made = activity("JM", "CA")  # autocommit: the write commits here
    for address in ("/en/network/", "/en/", "/en/countries/JM/"):
        assert "<td>Jamaica</td><td>Canada</td><td>1</td>" in client.get(address).content.decode(), address
    Activity.objects.filter(pk=made.pk).update(state=Activity.State.CANCELLED)
    for address in ("/en/network/", "/en/", "/en/countries/JM/"):
        assert "<td>Jamaica</td><td>Canada</td>" not in client.get(address).content.decode(), address
    with translation.override("es"):
        activity("JM", "CA")
    assert "<td>Jamaica</td><td>Canadá</td><td>1</td>" in client.get("/es/network/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_kept_home_page_is_never_shown_after_a_committed_change(client, django_assert_num_queries):
    """The home page's figures and lists are kept until the next committed write (views.home)."""
    before = client.get("/en/").context["figures"]  # drawn: its figures are in the body's context
    with django_assert_num_queries(0):  # kept: an anonymous visit reads nothing (nor unpickles the figures)
        kept = client.get("/en/")
    assert "figures" not in kept.context
    program = ProgramFactory(status=Program.Status.PUBLISHED, name_en="A program published just now")
    response = client.get("/en/")
    assert "A program published just now" in response.content.decode()
    assert figure(response.context["figures"], "programs in the portfolio")["value"] != \
        figure(before, "programs in the portfolio")["value"]
    Program.objects.filter(pk=program.pk).update(name_en="Renamed by an update")
    page = client.get("/en/").content.decode()
    assert "Renamed by an update" in page and "A program published just now" not in page
