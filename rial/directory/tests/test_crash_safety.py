"""A crash in the middle of a directory write leaves nothing half-written."""

import datetime

import pytest

from rial.core import audit
from rial.directory import services
from rial.directory.demo import ministry_slug
from rial.directory.models import FocalPointDesignation, Institution
from rial.directory.tests.factories import user_with_position

pytestmark = pytest.mark.django_db(transaction=True)


class Crash(Exception):
    pass


@pytest.fixture
def crash_after_saving(monkeypatch):
    """The row and its history row are written, then the process fails before the transaction ends."""

    def save_then_crash(obj, **kwargs):
        audit.save_logged(obj, **kwargs)
        raise Crash

    monkeypatch.setattr(services, "save_logged", save_then_crash)


def test_a_crash_while_changing_contact_details_changes_nothing(focal_cl, crash_after_saving):
    ministry = Institution.objects.get(slug=ministry_slug("CL"))
    history = ministry.history.count()
    with pytest.raises(Crash):
        services.institution_update_contact(institution=ministry, user=focal_cl, data={"email": "half@example.cl"})
    ministry = Institution.objects.get(pk=ministry.pk)
    assert ministry.email != "half@example.cl"
    assert ministry.history.count() == history


def test_a_crash_while_designating_leaves_no_designation(focal_cl, crash_after_saving):
    ministry = Institution.objects.get(slug=ministry_slug("CL"))
    colleague = user_with_position("colleague-cl", ministry)
    with pytest.raises(Crash):
        services.focal_point_designate(institution=ministry, person=colleague.person,
                                       since=datetime.date(2026, 1, 1), user=focal_cl)
    assert not FocalPointDesignation.objects.filter(person=colleague.person).exists()
    assert not FocalPointDesignation.history.filter(person_id=colleague.person.pk).exists()
