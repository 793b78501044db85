"""A cancellation gives its place to the first on the waiting list, in the order of registration."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from rial.directory.models import Institution
from rial.events.models import Registration
from rial.events.services import Attendee, register_delegation, register_self, registration_cancel
from rial.events.tests.factories import make_event

S = Registration.Status
pytestmark = pytest.mark.django_db


def test_cancelling_moves_the_first_waiting_person_up(member_co, focal_br, cosate_rep, ilo_rep,
                                                      django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    first = register_self(event=event, user=member_co)
    register_self(event=event, user=focal_br)
    waiting_first = register_self(event=event, user=cosate_rep)
    waiting_second = register_self(event=event, user=ilo_rep)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        moved = registration_cancel(registration=first, user=member_co)

    assert [r.pk for r in moved] == [waiting_first.pk]
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert (waiting_first.status, waiting_second.status) == (S.CONFIRMED, S.WAITLISTED)
    assert event.registrations.holding_places().count() == 2
    assert [message.to for message in mail.outbox] == [[waiting_first.email]]
    assert "moved up from the waiting list" in mail.outbox[0].body


def test_a_waiting_delegate_moves_up_to_await_the_secretariat(member_co, focal_cl):
    event = make_event(capacity=1)
    first = register_self(event=event, user=member_co)
    [delegate] = register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-cl"),
                                     attendees=[Attendee("Ana", "ana@example.cl", "es")])
    assert delegate.status == S.WAITLISTED
    registration_cancel(registration=first, user=member_co)
    delegate.refresh_from_db()
    assert delegate.status == S.PENDING


def test_cancelling_a_waiting_registration_moves_nobody(member_co, focal_br, cosate_rep):
    event = make_event(capacity=1)
    register_self(event=event, user=member_co)
    waiting = register_self(event=event, user=focal_br)
    assert registration_cancel(registration=waiting, user=focal_br) == []


def test_cancelling_twice_is_refused_with_the_possible_moves(member_co):
    event = make_event()
    registration = register_self(event=event, user=member_co)
    registration_cancel(registration=registration, user=member_co)
    with pytest.raises(ValidationError, match="is not possible when the status is"):
        registration_cancel(registration=registration, user=member_co)


def test_after_cancelling_one_may_register_again(member_co):
    event = make_event()
    registration_cancel(registration=register_self(event=event, user=member_co), user=member_co)
    assert register_self(event=event, user=member_co).status == S.CONFIRMED
    assert Registration.objects.filter(event=event).count() == 2
