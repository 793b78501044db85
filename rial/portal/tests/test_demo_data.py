"""The demo data set across every app: loading it twice changes nothing, and what it adds is marked DEMO.

``make run`` loads the demo on every start, so a second load must neither duplicate rows nor write
empty history rows, and a person must never mistake an invented record for a real one.
"""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def _demo_flagged_models():
    return [model for model in apps.get_models()
            if model.__module__.startswith("rial.") and not model._meta.label.split(".")[1].startswith("Historical")
            and any(field.name == "is_demo" for field in model._meta.fields)]


def test_loading_the_demo_twice_changes_no_row_and_marks_every_demo_record():
    flagged = _demo_flagged_models()
    assert len(flagged) >= 8  # directory, library, portfolio, fund, cooperation and meetings records
    reference_pks = {model: set(model._base_manager.values_list("pk", flat=True)) for model in flagged}

    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    second = _counts()

    changed = {label: (first[label], second[label]) for label in first if first[label] != second[label]}
    assert changed == {}
    # The demo did load something in every app that has demo records.
    added = {model: model._base_manager.exclude(pk__in=reference_pks[model]) for model in flagged}
    assert sum(rows.count() for rows in added.values()) > 20
    unmarked = {model._meta.label: list(rows.filter(is_demo=False).values_list("pk", flat=True)[:5])
                for model, rows in added.items() if rows.filter(is_demo=False).exists()}
    assert unmarked == {}
