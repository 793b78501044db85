"""A country's profile: figures over time (charts with their table), agreements in force with its partners,
meetings and events attended, the mandates it leads — from the records, in a number of queries that does
not grow with them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rial.agreements.tests.factories import AgreementFactory, party
from rial.conference.models import Mandate
from rial.conference.tests import factories as conference
from rial.cooperation.models import Activity
from rial.cooperation.tests.factories import ministry
from rial.fund.tests.factories import contribution
from rial.meetings.models import Meeting
from rial.meetings.tests.factories import MeetingFactory, ParticipantFactory
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
URL = "/en/countries/CL/"
THIS_YEAR = timezone.localdate().year


def records(times: int, secretariat, plan) -> None:
    """``times`` of each kind of record the profile shows, all about Chile."""
    for n in range(times):
        Activity.objects.create(first_party=ministry("CL"), second_party=ministry("PE" if n % 2 else "BR"),
                                title=f"Exchange {n}", year=THIS_YEAR - n % 3, state=Activity.State.COMPLETED)
        ProgramFactory(ministry=ministry("CL"), start=datetime.date(THIS_YEAR - 1, 1, 1))
        contribution(secretariat, amount="1000.00", iso2="CL", date=datetime.date(THIS_YEAR - 2, 3, 1))
        meeting = MeetingFactory(title_en=f"Working group meeting {n}", start_date=datetime.date(THIS_YEAR, 1, 1 + n % 28))
        ParticipantFactory(meeting=meeting, institution=ministry("CL"))
        mandate = conference.mandate(plan, label=f"m{n}", status=Mandate.Status.IN_PROGRESS)
        mandate.responsible_institutions.add(ministry("CL"))
        agreement = AgreementFactory(title_en=f"Chile agreement {n}")
        party(agreement, "CL")
        party(agreement, "AR" if n % 2 else "UY")


def test_the_profile_shows_figures_agreements_meetings_and_mandates(client, secretariat):
    plan = conference.plan(number=93)
    records(3, secretariat, plan)
    ParticipantFactory(meeting=MeetingFactory(title_en="Meeting Chile missed"), institution=ministry("CL"),
                       attended=False)
    conference.mandate(plan, label="x", text="Led by Peru alone").responsible_institutions.add(ministry("PE"))
    page = client.get(URL).content.decode()

    # Figures over time: a chart per series, drawn as SVG with a title and description, and the table.
    assert page.count('class="chart-svg"') == 3 and "<title" in page and "The table after the chart" in page
    assert f'<th scope="row">{THIS_YEAR - 2}</th><td>1</td><td>0</td><td>USD 3,000</td>' in page
    assert f'<th scope="row">{THIS_YEAR - 1}</th><td>1</td><td>3</td><td>USD 0</td>' in page
    assert "style=" not in page and "<script>" not in page

    # Agreements in force, with the partner countries.
    partners = {match[0]: match[1] for match in re.findall(r'b=([A-Z]{2})">[^<]+</a>: ([^<]*)', page)}
    assert re.search(rf"In force today with {len(partners)} countries", page)
    assert "Chile agreement 1" in partners["AR"] and "Argentina – Chile" in partners["AR"]
    assert "Chile agreement 0" in partners["UY"] and "Chile agreement 2" in partners["UY"]

    # Meetings attended (not those it was absent from).
    assert "Its delegates attended 3 meetings and events" in page
    assert "Working group meeting 2" in page and "Meeting Chile missed" not in page

    # The mandates it leads in the plan in force, with their status.
    assert "Mandates it leads" in page and "responsible for 3 mandates of the" in page
    assert "In progress: 3" in page and "Led by Peru alone" not in page


def test_a_country_without_records_says_so(client):
    page = client.get("/en/countries/DM/").content.decode()
    assert "No cooperation activity, program or contribution is recorded for this country" in page
    assert "Mandates it leads" not in page and "Meetings and events attended" not in page


def test_the_profile_runs_the_same_queries_with_ten_times_the_records(client, secretariat):
    plan = conference.plan(number=94)
    records(3, secretariat, plan)
    client.get(URL)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    records(30, secretariat, plan)
    with CaptureQueriesContext(connection) as large:
        page = client.get(URL).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)
    assert "Its delegates attended 33 meetings and events" in page and "The latest 20:" in page
    assert "The first 25 of 33; the plan lists them all." in page
    assert Meeting.objects.count() >= 33
