"""Registering: oneself or a ministry's delegation; refusals leave nothing changed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from rial.directory.models import Institution
from rial.events.models import Registration
from rial.events.services import Attendee, register_delegation, register_self, registration_confirm
from rial.events.tests.factories import make_event
from rial.notifications.models import Notification

S = Registration.Status
pytestmark = pytest.mark.django_db


def test_a_person_registers_and_is_confirmed_at_once(member_co):
    event = make_event(capacity=10)
    registration = register_self(event=event, user=member_co)
    assert registration.status == S.CONFIRMED
    assert registration.institution.slug == "ministry-co"
    assert registration.email == "member-co@example.org"


def test_a_focal_point_registers_a_delegation_that_awaits_the_secretariat(focal_cl, secretariat):
    event = make_event(capacity=10)
    chile = Institution.objects.get(slug="ministry-cl")
    created = register_delegation(event=event, user=focal_cl, institution=chile, attendees=[
        Attendee("Ana Pérez", "ana@example.cl", "es"), Attendee("Luis Soto", "LUIS@example.cl", "es")])
    assert [r.status for r in created] == [S.PENDING, S.PENDING]
    assert created[1].email == "luis@example.cl"
    assert Notification.objects.filter(kind="events.registration.pending", email=secretariat.email).exists()
    confirmed = registration_confirm(registration=created[0], user=secretariat)
    assert confirmed.status == S.CONFIRMED and confirmed.confirmed_at is not None


def test_only_the_secretariat_confirms(focal_cl):
    event = make_event()
    chile = Institution.objects.get(slug="ministry-cl")
    [registration] = register_delegation(event=event, user=focal_cl, institution=chile,
                                         attendees=[Attendee("Ana Pérez", "ana@example.cl")])
    with pytest.raises(PermissionDenied):
        registration_confirm(registration=registration, user=focal_cl)
    registration.refresh_from_db()
    assert registration.status == S.PENDING


def test_a_focal_point_cannot_register_another_ministrys_delegation(focal_cl):
    event = make_event()
    with pytest.raises(PermissionDenied):
        register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-br"),
                            attendees=[Attendee("Someone", "someone@example.br")])
    assert not Registration.objects.exists()


def test_registration_after_the_window_is_refused_and_nothing_changes(member_co):
    event = make_event(closes=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="Registration closed on"):
        register_self(event=event, user=member_co)
    assert not Registration.objects.exists()


def test_registration_before_the_window_is_refused(member_co):
    event = make_event(opens=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="Registration opens on"):
        register_self(event=event, user=member_co)
    assert not Registration.objects.exists()


def test_beyond_capacity_goes_on_the_waiting_list(member_co, focal_br, cosate_rep):
    event = make_event(capacity=2)
    first = register_self(event=event, user=member_co)
    second = register_self(event=event, user=focal_br)
    third = register_self(event=event, user=cosate_rep)
    assert (first.status, second.status, third.status) == (S.CONFIRMED, S.CONFIRMED, S.WAITLISTED)
    assert event.registrations.holding_places().count() == 2


def test_a_delegation_larger_than_the_places_left_is_split_between_places_and_waiting_list(focal_cl):
    event = make_event(capacity=1, needs_confirmation=False)
    created = register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-cl"),
                                  attendees=[Attendee("A", "a@example.cl"), Attendee("B", "b@example.cl")])
    assert [r.status for r in created] == [S.CONFIRMED, S.WAITLISTED]


def test_registering_twice_is_refused_and_nothing_changes(member_co, focal_cl):
    event = make_event()
    register_self(event=event, user=member_co)
    with pytest.raises(ValidationError, match="Already registered"):
        register_self(event=event, user=member_co)
    # The same address inside a delegation, or twice in one delegation: refused as a whole.
    with pytest.raises(ValidationError, match="Already registered"):
        register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-cl"),
                            attendees=[Attendee("New", "new@example.cl"), Attendee("Co", "Member-Co@example.org")])
    with pytest.raises(ValidationError, match="given twice"):
        register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-cl"),
                            attendees=[Attendee("New", "new@example.cl"), Attendee("New", "new@example.cl")])
    assert list(Registration.objects.values_list("email", flat=True)) == ["member-co@example.org"]


def test_an_unpublished_event_takes_no_registration(member_co):
    event = make_event(is_published=False)
    with pytest.raises(ValidationError, match="not open for registration"):
        register_self(event=event, user=member_co)


def test_the_page_shows_the_refusal_and_changes_nothing(client, member_co):
    from conftest import login

    event = make_event(closes=timezone.now() - datetime.timedelta(hours=1))
    login(client, member_co)
    response = client.post(f"/en/events/{event.pk}/register/", follow=True)
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.exists()
