"""Loading reference data idempotently without filling the audit trail with empty changes.

``update_or_create`` saves every row on every run, and each save writes a history row. ``make run``
loads the reference data each time it starts, so this saves a row only when a value really differs.
"""

import csv
import datetime
from pathlib import Path

from django.db import models

from rial.core.actions import DEMO_TRANSLATED, REFERENCE_LOADED, REFERENCE_UPDATED
from rial.core.audit import save_logged


def data_rows(path: Path) -> list[dict]:
    """The rows of one of an app's ``data/*.csv`` files, as dictionaries keyed by the header."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def optional_date(value: str) -> datetime.date | None:
    """An ISO date from a data file, or None where the cell is empty."""
    return datetime.date.fromisoformat(value) if value else None


def sync(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Create the row matching ``lookup`` with ``values``, or update it if a value differs.

    Returns the row and whether anything was written.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj._change_reason = REFERENCE_LOADED
        obj.save()
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, _attname(model, name)) != _raw(value)]
    if not changed:
        return obj, False
    for name in changed:
        setattr(obj, name, values[name])
    obj._change_reason = REFERENCE_UPDATED
    obj.save()
    return obj, True


def _attname(model, name: str) -> str:
    """Compare foreign keys by id, so that an unchanged parent does not count as a change."""
    field = model._meta.get_field(name)
    return field.attname if field.is_relation else name


def _raw(value):
    return value.pk if isinstance(value, models.Model) else value


def demo_texts(obj: models.Model, values: dict, *, user=None) -> bool:
    """Give a DEMO record its texts (``title_es``…): saved, with one history row, only when one differs.

    Demo loaders create a record once and skip it on the next load; they call this every time, so a
    database loaded before a text was added or translated gets it too, and a second load changes nothing.
    """
    differing = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if not differing:
        return False
    for name, value in differing.items():
        setattr(obj, name, value)
    save_logged(obj, user=user, action=DEMO_TRANSLATED)
    return True
