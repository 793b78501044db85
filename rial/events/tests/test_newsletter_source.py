"""The newsletter's editor is offered the events open for registration, linked to their page."""

import datetime

import pytest
from django.utils import timezone

from rial.events.tests.factories import make_event
from rial.newsletter.sources import SOURCES

pytestmark = pytest.mark.django_db


def test_events_taking_registrations_are_offered_in_every_language():
    open_now = make_event(title="Open course", kind="course", closes=timezone.now() + datetime.timedelta(days=3))
    make_event(title="Closed course", kind="course", closes=timezone.now() - datetime.timedelta(days=1))
    source = SOURCES["events.registration"]
    titles = [candidate.title for candidate in source.candidates(timezone.localdate())]
    assert "Open course" in titles and "Closed course" not in titles
    picked = source.pick(open_now.pk)
    assert picked.texts["en"].link == f"/en/events/{open_now.pk}/"
    assert picked.texts["es"].link == f"/es/events/{open_now.pk}/"
    assert "register by" in picked.texts["en"].summary and "inscripción hasta" in picked.texts["es"].summary
