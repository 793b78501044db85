import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from openpyxl import load_workbook

from conftest import login
from rial.cooperation import services
from rial.cooperation.tests.factories import make_proposal, open_call

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "iati-2.03" / "iati-activities-schema.xsd"


@pytest.fixture(scope="module")
def iati_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _executed(activity, user):
    today = timezone.localdate()
    activity = services.activity_record_execution(activity=activity, user=user, starts_on=today - datetime.timedelta(3),
                                                  ends_on=today - datetime.timedelta(1), travellers="",
                                                  agenda_carried_out="Day 1")
    services.activity_charge_expense(activity=activity, user=user, amount="1200.00", currency="USD",
                                     category="airfare", date=today, description="Tickets")
    return activity


def test_the_iati_export_validates_against_the_official_2_03_schema(client, planned_activity, secretariat, iati_schema):
    activity = _executed(planned_activity, secretariat)
    response = client.get(reverse("cooperation:iati"))
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    iati_schema.assertValid(document)
    identifiers = document.xpath("//iati-identifier/text()")
    assert f"XM-RIAL-OAS-COOP-{activity.pk}" in identifiers
    # The Colombia–Peru visit of October 2014 has dates: it is exported; undated history is not.
    assert len(identifiers) == 2
    assert document.xpath("//transaction/value/text()") == ["1200.00"]


def test_a_broken_activity_document_would_fail_the_schema(iati_schema):
    broken = etree.fromstring(b'<iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>')
    assert not iati_schema.validate(broken)


def test_activities_export_as_csv_and_xlsx(client, planned_activity):
    rows = list(csv.reader(io.StringIO(client.get(reverse("cooperation:export_csv")).content.decode())))
    assert rows[0][:3] == ["id", "call", "year"]
    assert any(row[6] == "Labor inspection case files" for row in rows)
    book = load_workbook(io.BytesIO(client.get(reverse("cooperation:export_xlsx")).content))
    assert book.active.max_row == len(rows)


def test_the_api_lists_calls_and_activities(client, planned_activity):
    calls = client.get("/api/v1/cooperation/calls").json()
    assert {6, 13, 90} <= {call["number"] for call in calls["items"]}
    activities = client.get("/api/v1/cooperation/activities?country=PE").json()["items"]
    assert {a["title"] for a in activities} == {"Labor conflict prevention and resolution",
                                                "Protection of the rights of people with disabilities"}


def test_the_public_sees_only_published_results(client, focal_cl, focal_br, planned_activity):
    unpublished = make_proposal(open_call(number=91), focal_cl, title="Still under review")
    public = {p["title"] for p in client.get("/api/v1/cooperation/proposals").json()["items"]}
    assert "Labor inspection case files" in public and unpublished.title not in public
    mine = {p["title"] for p in login(client, focal_cl).get("/api/v1/cooperation/proposals").json()["items"]}
    assert unpublished.title in mine


def test_the_proposals_api_rejects_an_unknown_state(client):
    assert client.get("/api/v1/cooperation/proposals?state=bogus").status_code == 422


def test_published_results_are_in_the_atom_feed(client, planned_activity, focal_cl):
    make_proposal(open_call(number=93), focal_cl, title="Still under review")
    feed = client.get(reverse("cooperation:results_feed")).content.decode()
    assert "<feed" in feed and "Labor inspection case files" in feed and "Still under review" not in feed


def test_the_calls_api_answers_as_documented(client):
    expected = json.loads((Path(__file__).parent / "fixtures" / "api_call_6.json").read_text(encoding="utf-8"))
    items = client.get("/api/v1/cooperation/calls").json()["items"]
    assert next(item for item in items if item["number"] == 6) == expected
