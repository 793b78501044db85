"""The real reference facts: conferences X-XXII, their working groups and the recorded troikas."""

import datetime

import pytest

from rial.conference import demo
from rial.conference.models import Conference, Troika, WorkingGroup
from rial.conference.services import troika_on

pytestmark = pytest.mark.django_db


def test_conferences_are_loaded_with_sources():
    assert Conference.objects.count() == 14
    port_of_spain = Conference.objects.get(number=15)
    assert (port_of_spain.roman, port_of_spain.city, port_of_spain.chair.name) == ("XV", "Port of Spain",
                                                                                  "Trinidad and Tobago")
    assert port_of_spain.start == datetime.date(2007, 9, 11)
    assert port_of_spain.verified and "seed 004" in port_of_spain.source
    assert not Conference.objects.get(number=1).verified


def test_virtual_conference_has_no_city():
    buenos_aires = Conference.objects.get(number=21)
    assert buenos_aires.is_virtual and buenos_aires.city == "" and str(buenos_aires.place) == "Virtual"
    assert buenos_aires.chair.name == "Argentina"


def test_working_groups_with_authorities():
    group = WorkingGroup.objects.get(conference__number=14, number=2)
    assert group.chair.name == "El Salvador"
    assert sorted(country.name for country in group.vice_chairs.all()) == ["United States", "Uruguay"]
    assert WorkingGroup.objects.filter(conference__number=19, chair__isnull=True).count() == 2
    assert not WorkingGroup.objects.get(conference__number=20, number=1).verified


def test_loading_twice_changes_nothing():
    before = (Conference.objects.count(), WorkingGroup.objects.count(), Troika.objects.count())
    history = Conference.history.count()
    demo.load_reference()
    assert (Conference.objects.count(), WorkingGroup.objects.count(), Troika.objects.count()) == before
    assert Conference.history.count() >= history


def test_troika_on_a_date_between_conferences():
    troika = troika_on(datetime.date(2006, 6, 1))
    assert troika.conference.number == 14
    assert (troika.chair.name, troika.previous_chair.name, troika.next_chair.name) == (
        "Mexico", "Brazil", "Trinidad and Tobago")


def test_troika_after_the_last_conference_uses_the_recorded_future_chair():
    Conference.objects.filter(number=22).delete()
    troika = troika_on(datetime.date(2023, 1, 1))
    # Without the XXII conference the next chair comes from the troika recorded at the 2022 planning meeting.
    assert (troika.chair.name, troika.previous_chair.name, troika.next_chair.name) == (
        "Argentina", "Barbados", "Colombia")


def test_troika_skips_unrecorded_neighbours():
    troika = troika_on(datetime.date(1996, 1, 1))
    assert troika.conference.number == 10
    assert troika.previous_chair is None  # conference IX is not recorded


def test_no_troika_before_the_first_conference():
    assert troika_on(datetime.date(1900, 1, 1)).conference is None
