"""Status and progress of mandates: who may change them, the legal transitions and the roll-up."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rial.conference.models import Mandate
from rial.conference.services import mandate_follow_up, progress_report_add
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def chile_group():
    conference = factories.conference()
    return factories.group(conference, 1, chair="Chile", vice_chairs=("Peru", "Canada"))


@pytest.fixture
def mandate(chile_group):
    return factories.mandate(factories.plan(), chile_group)


def test_the_secretariat_changes_status_and_progress(mandate, secretariat):
    mandate_follow_up(mandate=mandate, user=secretariat, status=Mandate.Status.IN_PROGRESS, progress=40)
    mandate.refresh_from_db()
    assert (mandate.status, mandate.progress) == ("in_progress", 40)
    assert mandate.history.first().history_change_reason == "conference.mandate.followed_up"


def test_an_authority_of_the_group_follows_up_its_mandates(mandate, focal_cl, member_co):
    mandate_follow_up(mandate=mandate, user=focal_cl, progress=10)
    with pytest.raises(PermissionDenied):
        mandate_follow_up(mandate=mandate, user=member_co, progress=20)
    mandate.refresh_from_db()
    assert mandate.progress == 10


def test_network_actions_are_followed_up_by_the_secretariat_only(focal_cl):
    action = factories.mandate(factories.plan(), None, section=Mandate.Section.NETWORK)
    with pytest.raises(PermissionDenied):
        mandate_follow_up(mandate=action, user=focal_cl, progress=20)


def test_done_means_complete(mandate, secretariat):
    with pytest.raises(ValidationError, match="complete"):
        mandate_follow_up(mandate=mandate, user=secretariat, status=Mandate.Status.DONE, progress=50)
    mandate_follow_up(mandate=mandate, user=secretariat, status=Mandate.Status.DONE)
    mandate.refresh_from_db()
    assert (mandate.status, mandate.progress) == ("done", 100)


def test_an_illegal_transition_names_the_legal_ones(mandate, secretariat):
    mandate_follow_up(mandate=mandate, user=secretariat, status=Mandate.Status.DONE)
    with pytest.raises(ValidationError, match="Possible now: “mark as in progress”, “mark as ongoing”"):
        mandate_follow_up(mandate=mandate, user=secretariat, status=Mandate.Status.NOT_STARTED)


def test_progress_outside_0_100_is_refused(mandate, secretariat):
    with pytest.raises(ValidationError):
        mandate_follow_up(mandate=mandate, user=secretariat, progress=140)
    mandate.refresh_from_db()
    assert mandate.progress == 0


def test_progress_rolls_up_from_items(mandate, secretariat):
    first = factories.mandate(mandate.plan, mandate.group, parent=mandate, text="first item")
    second = factories.mandate(mandate.plan, mandate.group, parent=mandate, text="second item")
    mandate_follow_up(mandate=first, user=secretariat, status=Mandate.Status.DONE)
    mandate.refresh_from_db()
    assert (mandate.progress, mandate.status) == (50, "in_progress")
    mandate_follow_up(mandate=second, user=secretariat, status=Mandate.Status.DONE)
    mandate.refresh_from_db()
    assert (mandate.progress, mandate.status) == (100, "done")
    with pytest.raises(ValidationError, match="average of its items"):
        mandate_follow_up(mandate=mandate, user=secretariat, progress=10)


def test_a_progress_report_moves_the_progress(mandate, focal_cl):
    report = progress_report_add(mandate=mandate, user=focal_cl, date=datetime.date(2024, 5, 1),
                                 text="Workshop held in Santiago.", progress=60, status=Mandate.Status.IN_PROGRESS)
    mandate.refresh_from_db()
    assert (mandate.progress, report.author) == (60, focal_cl)


def test_a_report_dated_in_the_future_or_empty_is_refused(mandate, secretariat):
    with pytest.raises(ValidationError):
        progress_report_add(mandate=mandate, user=secretariat, date=datetime.date(2999, 1, 1), text="Later")
    with pytest.raises(ValidationError):
        progress_report_add(mandate=mandate, user=secretariat, date=datetime.date(2024, 1, 1), text="  ")
    assert not mandate.reports.exists()


def test_a_failed_follow_up_inside_a_report_saves_no_report(mandate, secretariat):
    with pytest.raises(ValidationError):
        progress_report_add(mandate=mandate, user=secretariat, date=datetime.date(2024, 1, 1), text="Done",
                            progress=300)
    assert not mandate.reports.exists()
