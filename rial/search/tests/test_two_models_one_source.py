"""A source indexing two models (the conference: mandates and plans) whose primary keys can coincide:
hiding a record of one model must not remove the other model's entry with the same key."""

import pytest
from django.db.models import Max

from rial.conference.models import ConferenceDocument, Mandate
from rial.conference.tests import factories
from rial.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_saving_a_declaration_keeps_the_mandate_with_the_same_key(django_capture_on_commit_callbacks):
    free = max(Mandate.objects.aggregate(n=Max("pk"))["n"] or 0,
               ConferenceDocument.objects.aggregate(n=Max("pk"))["n"] or 0) + 1000
    with django_capture_on_commit_callbacks(execute=True):
        plan = factories.plan(93)
        mandate = factories.mandate(plan, None, pk=free, text_en="Study wage arrears in construction")
    assert SearchEntry.objects.filter(kind="mandate", key=str(mandate.pk)).exists()
    with django_capture_on_commit_callbacks(execute=True):
        # A declaration is not searchable (only Plans of Action are); it happens to get the mandate's number.
        ConferenceDocument.objects.create(pk=free, conference=plan.conference, title="Declaration",
                                          kind=ConferenceDocument.Kind.DECLARATION)
    assert SearchEntry.objects.filter(kind="mandate", key=str(mandate.pk)).exists()


def test_archiving_a_mandate_keeps_the_plan_with_the_same_key(django_capture_on_commit_callbacks):
    free = max(Mandate.objects.aggregate(n=Max("pk"))["n"] or 0,
               ConferenceDocument.objects.aggregate(n=Max("pk"))["n"] or 0) + 2000
    with django_capture_on_commit_callbacks(execute=True):
        plan = factories.plan(94, pk=free)
        mandate = factories.mandate(plan, None, pk=free)
    with django_capture_on_commit_callbacks(execute=True):
        mandate.archive()
        mandate.save()
    assert not SearchEntry.objects.filter(kind="mandate", key=str(free)).exists()
    assert SearchEntry.objects.filter(kind="plan", key=str(plan.pk)).exists()
