"""Audit trail helpers on top of django-simple-history.

Every domain model carries ``history = HistoricalRecords()``; the request middleware records who made
a change through a page. Workflow functions run outside a request too (commands, tasks, API), so they
call :func:`save_logged` to say who acted and why, with a dotted action code (pretix style).
"""

from django.apps import apps
from django.db import models


def save_logged(obj: models.Model, *, user, action: str, **save_kwargs) -> None:
    """Save ``obj`` and mark its history row with the acting user and an action code."""
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
    obj._change_reason = action
    obj.save(**save_kwargs)


def history_models() -> list[type[models.Model]]:
    """Every model of the platform whose changes are recorded (and so can be restored)."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("rial.") and hasattr(model, "history")
        and not model._meta.label.startswith("accounts.")
    ]
