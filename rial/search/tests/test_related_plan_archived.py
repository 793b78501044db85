"""Archiving a Plan of Action hides its mandates from the search (the mandates themselves are not saved),
in a bounded number of queries however many mandates the plan has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rial.conference.tests import factories
from rial.search.models import SearchEntry
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def mandate_keys(q: str) -> set[str]:
    return {str(hit.url) for hit in search(q=q, filters=Filters(kind=["mandate"])).hits}


def plan_with_mandates(number: int, count: int, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = factories.plan(number)
        group = factories.group(plan.conference, 1, chair="Chile", vice_chairs=("Peru",))
        for position in range(count):
            factories.mandate(plan, group, position=position, text_en=f"Survey wombat husbandry item {position}")
    return plan


def test_archiving_a_plan_removes_its_mandates_from_the_search(django_capture_on_commit_callbacks):
    plan = plan_with_mandates(96, 3, django_capture_on_commit_callbacks)
    assert len(mandate_keys("wombat husbandry")) == 3
    with django_capture_on_commit_callbacks(execute=True):
        plan.archive()
        plan.save()
    assert mandate_keys("wombat husbandry") == set()
    assert not SearchEntry.objects.filter(kind="mandate", key__in=[str(pk) for pk in plan.mandates.values_list(
        "pk", flat=True)]).exists()


def test_restoring_the_plan_finds_its_mandates_again(django_capture_on_commit_callbacks):
    plan = plan_with_mandates(97, 2, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        plan.archive()
        plan.save()
    with django_capture_on_commit_callbacks(execute=True):
        plan.archived_at = None
        plan.save()
    assert len(mandate_keys("wombat husbandry")) == 2


def archive_queries(plan, django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        plan.archive()
        plan.save()
    with CaptureQueriesContext(connection) as queries:
        for callback in callbacks:
            callback()
    return len(queries)


def test_archiving_a_plan_of_60_mandates_costs_as_many_queries_as_one_of_3(django_capture_on_commit_callbacks):
    small = archive_queries(plan_with_mandates(98, 3, django_capture_on_commit_callbacks),
                            django_capture_on_commit_callbacks)
    large = archive_queries(plan_with_mandates(99, 60, django_capture_on_commit_callbacks),
                            django_capture_on_commit_callbacks)
    assert large == small
    assert large <= 25
