import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from rial.meetings.models import PlannedActivity, WorkPlan
from rial.meetings.services.workplan import activity_save, workplan_create, workplan_revise
from rial.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def feed(client) -> icalendar.Calendar:
    response = client.get(reverse("meetings:ical"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_timed_events_carry_their_venue_time_zone_with_a_vtimezone(client, secretariat):
    revision = workplan_create(plan=WorkPlan(title="Work Plan 2026", first_year=2026, last_year=2027),
                               as_of=datetime.date(2026, 2, 1), user=secretariat)
    winter = PlannedActivity(revision=revision, title="Authorities call", start_date=datetime.date(2026, 1, 15),
                             start_time=datetime.time(9, 0), end_time=datetime.time(11, 0),
                             time_zone="America/New_York", is_virtual=True)
    summer = PlannedActivity(revision=revision, title="Working group session", start_date=datetime.date(2026, 7, 15),
                             start_time=datetime.time(9, 0), end_time=datetime.time(17, 0),
                             time_zone="America/New_York", place="Washington, D.C.")
    for activity in (winter, summer):
        activity_save(activity=activity, user=secretariat)
    calendar = feed(client)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    # The VTIMEZONE itself gives the right offsets: EST in January, EDT in July.
    tz = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    assert events["Authorities call"]["DTSTART"].params["TZID"] == "America/New_York"
    assert events["Authorities call"].decoded("DTSTART").replace(tzinfo=tz).utcoffset() == datetime.timedelta(hours=-5)
    assert events["Working group session"].decoded("DTSTART").replace(tzinfo=tz).utcoffset() == datetime.timedelta(hours=-4)
    assert events["Working group session"].decoded("DTEND") == datetime.datetime(
        2026, 7, 15, 17, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


def test_whole_day_meetings_are_dates_with_an_exclusive_end(client):
    calendar = feed(client)
    events = {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    workshop = next(event for event in events.values() if "labor migration" in str(event["SUMMARY"]))
    assert workshop.decoded("DTSTART") == datetime.date(2017, 7, 13)
    assert workshop.decoded("DTEND") == datetime.date(2017, 7, 15)
    assert "San José" in str(workshop["LOCATION"])
    for event in calendar.walk("VEVENT"):
        assert event.get("DTSTAMP") and event.get("UID")


def test_a_revised_activity_keeps_its_uid_and_raises_its_sequence(client, secretariat):
    revision = workplan_create(plan=WorkPlan(title="Work Plan 2026", first_year=2026, last_year=2027),
                               as_of=datetime.date(2026, 2, 1), user=secretariat)
    activity = PlannedActivity(revision=revision, title="Regional workshop", start_date=datetime.date(2026, 8, 3))
    activity_save(activity=activity, user=secretariat)
    workplan_revise(plan=revision.plan, as_of=datetime.date(2026, 5, 1), note="", user=secretariat)
    events = [event for event in feed(client).walk("VEVENT") if str(event["SUMMARY"]) == "Regional workshop"]
    assert len(events) == 1
    assert str(events[0]["UID"]).startswith(f"activity-{activity.key}@")
    assert events[0]["SEQUENCE"] == 2


def test_unpublished_meetings_stay_out_of_the_feed_and_demo_is_marked(client):
    MeetingFactory(title_en="Secret planning", is_published=False)
    MeetingFactory(title_en="Shown meeting", is_demo=True)
    summaries = [str(event["SUMMARY"]) for event in feed(client).walk("VEVENT")]
    assert "Secret planning" not in summaries
    assert "DEMO: Shown meeting" in summaries


def test_the_unprefixed_address_leads_to_the_feed(client):
    response = client.get("/calendar.ics", follow=True)
    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")


def test_the_calendar_page_lists_meetings_by_year(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get(reverse("meetings:calendar"), {"year": "2017"})
    page = response.content.decode()
    assert "RIAL workshop on labor migration" in page
    assert "Planning meeting of the XIX IACML authorities" not in page
