import datetime

import pytest

from rial.meetings import demo
from rial.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_it_loads_every_meeting_of_the_reference_file_once():
    before = Meeting.objects.filter(is_demo=False).count()
    demo.load_reference()
    assert Meeting.objects.filter(is_demo=False).count() == before == 21


def test_it_keeps_source_verification_place_and_time_zone():
    workshop = Meeting.objects.get(start_date=datetime.date(2017, 7, 13))
    assert workshop.kind == Meeting.Kind.WORKSHOP
    assert workshop.verified is True
    assert "seed 003" in workshop.source
    assert workshop.country.iso2 == "CR"
    assert workshop.time_zone == "America/Costa_Rica"
    assert workshop.reported_ministries == 17
    virtual = Meeting.objects.get(start_date=datetime.date(2020, 5, 22))
    assert virtual.is_virtual and virtual.kind == Meeting.Kind.AUTHORITIES and not virtual.verified


def test_titles_are_kept_in_english_and_spanish():
    meeting = Meeting.objects.get(start_date=datetime.date(2017, 4, 28))
    assert meeting.title_en.startswith("Second meeting of Working Group 2")
    assert meeting.title_es.startswith("Segunda reunión del Grupo de Trabajo 2")


def test_each_meeting_belongs_to_its_conference_cycle_and_groups():
    meeting = Meeting.objects.get(start_date=datetime.date(2017, 4, 28))
    assert meeting.conference.number == 19
    assert [group.number for group in meeting.working_groups.all()] == [2]
    both = Meeting.objects.get(start_date=datetime.date(2014, 9, 17))
    assert both.conference.number == 18
    assert sorted(group.number for group in both.working_groups.all()) == [1, 2]
