import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import PlannedActivity, WorkPlan
from rial.meetings.services.workplan import activity_save, workplan_create, workplan_revise
from rial.meetings.tests.factories import conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db


def make_plan(user, **activity_fields):
    revision = workplan_create(plan=WorkPlan(title="Work Plan 2026-2027", first_year=2026, last_year=2027),
                               as_of=datetime.date(2026, 2, 20), user=user)
    activity = PlannedActivity(revision=revision, title="Workshop on labor inspection",
                               start_date=datetime.date(2026, 9, 1), place="Lima",
                               funding_source="RIAL Voluntary Contribution Fund (travel)",
                               funding_amount=Decimal("15000.00"), **activity_fields)
    activity_save(activity=activity, user=user, responsible=[Institution.objects.get(slug="ministry-cl")])
    return revision.plan, activity


def test_a_revision_copies_the_activities_and_keeps_the_previous_one(secretariat):
    conference, _group = conference_with_group()
    _plan_of_action, (mandate, _other) = plan_with_mandates(conference)
    plan, activity = make_plan(secretariat)
    activity.mandates.set([mandate])
    second = workplan_revise(plan=plan, as_of=datetime.date(2026, 5, 22), note="Adjusted for travel limits",
                             user=secretariat)
    copy = second.activities.get()
    assert copy.pk != activity.pk and copy.key == activity.key
    assert list(copy.responsible.values_list("slug", flat=True)) == ["ministry-cl"]
    assert list(copy.mandates.all()) == [mandate]
    copy.start_date = datetime.date(2026, 10, 5)
    activity_save(activity=copy, user=secretariat)
    activity.refresh_from_db()
    assert activity.start_date == datetime.date(2026, 9, 1)
    assert list(PlannedActivity.objects.current()) == [copy]


def test_an_earlier_revision_cannot_be_changed(secretariat):
    plan, activity = make_plan(secretariat)
    workplan_revise(plan=plan, as_of=datetime.date(2026, 5, 22), note="", user=secretariat)
    activity.title = "Rewriting history"
    with pytest.raises(ValidationError):
        activity_save(activity=activity, user=secretariat)
    activity.refresh_from_db()
    assert activity.title == "Workshop on labor inspection"


def test_a_revision_dated_before_the_previous_is_refused(secretariat):
    plan, _activity = make_plan(secretariat)
    with pytest.raises(ValidationError):
        workplan_revise(plan=plan, as_of=datetime.date(2025, 1, 1), note="", user=secretariat)
    assert plan.revisions.count() == 1


def test_only_the_secretariat_revises(secretariat, focal_cl, client):
    plan, _activity = make_plan(secretariat)
    with pytest.raises(PermissionDenied):
        workplan_revise(plan=plan, as_of=datetime.date(2026, 5, 22), note="", user=focal_cl)
    login(client, focal_cl)
    assert client.post(reverse("meetings:workplan_revise", args=[plan.pk]), {"as_of": "2026-05-22"}).status_code == 403
    assert client.get(reverse("meetings:activity_add", args=[plan.pk])).status_code == 403
    assert plan.revisions.count() == 1


def test_the_plan_page_shows_each_revision(client, secretariat):
    plan, _activity = make_plan(secretariat)
    workplan_revise(plan=plan, as_of=datetime.date(2026, 5, 22), note="Adjusted", user=secretariat)
    page = client.get(plan.get_absolute_url() + "?revision=1").content.decode()
    assert "Workshop on labor inspection" in page
    assert "15,000.00" in page
    assert "This is an earlier revision" in page


def test_an_amount_without_a_funding_source_is_refused(secretariat_client, secretariat):
    plan, _activity = make_plan(secretariat)
    response = secretariat_client.post(reverse("meetings:activity_add", args=[plan.pk]), {
        "title": "Study", "start_date": "2026-11-01", "time_zone": "America/New_York", "currency": "USD",
        "status": "planned", "funding_amount": "5000"})
    assert "Say who pays this amount." in response.content.decode()
    assert plan.revisions.get().activities.count() == 1


def test_the_secretariat_adds_an_activity_through_the_page(secretariat_client, secretariat):
    plan, _activity = make_plan(secretariat)
    response = secretariat_client.post(reverse("meetings:activity_add", args=[plan.pk]), {
        "title": "Webinar on telework", "start_date": "2026-11-01", "start_time": "10:00", "end_time": "12:00",
        "time_zone": "America/Bogota", "is_virtual": "on", "currency": "USD", "status": "planned",
        "responsible": [Institution.objects.get(slug="ilo").pk]})
    assert response.status_code == 302
    assert plan.revisions.get().activities.filter(title="Webinar on telework").exists()
