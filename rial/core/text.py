"""Invisible characters that make a name look like something else are never stored.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) reorder the text
around them: "‮txt.exe" shows as "exe.txt", a ministry's name can be made to read backwards or to hide
its end. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two names that look the same differ,
so an impostor account or a duplicate record passes for the real one. No name, title or code written in
the languages of the Americas needs any of them; every single-line text field (CharField) of every model
is cleaned when saved. Long texts (TextField: descriptions, forum posts in Markdown) are left as written.

Rows stored before that rule are cleaned by ``clean_stored`` (run once by the migration
``portal.0001_strip_invisible_characters``, and at will by ``manage.py strip_invisible``).
"""

import re
from collections.abc import Iterable

from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver

INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def strip_invisible(value: str) -> str:
    return INVISIBLE.sub("", value)


@receiver(pre_save)
def clean_single_line_text(sender, instance, raw=False, **kwargs):
    if raw:  # loading a backup or fixture: the rows as they were
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField) and not field.choices:
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and INVISIBLE.search(value):
                setattr(instance, field.attname, strip_invisible(value))


def _cleaned_fields(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields
            if isinstance(field, models.CharField) and not field.choices]


def clean_stored(model_classes: Iterable[type[models.Model]], dry_run: bool = False) -> dict[str, int]:
    """Strip invisible characters from the single-line text fields of rows already stored, as a save
    would now; ``{model label: rows cleaned}``.

    Rows are updated in place (``update()``: a cleaning, not an edit, so no history row). A row the
    database refuses to change (the fund's append-only ledger, a unique name that would then collide)
    is left as it is and counted under ``"<label> (left)"``.
    """
    counts: dict[str, int] = {}
    for model in model_classes:
        fields = _cleaned_fields(model)
        if not fields or model._meta.proxy or not model._meta.managed:
            continue
        matches = Q()
        for name in fields:
            # The character class as literal characters: the same regular expression in SQLite and PostgreSQL.
            matches |= Q(**{f"{name}__regex": INVISIBLE.pattern})
        manager = model._base_manager
        for row in manager.filter(matches).values("pk", *fields).iterator():
            changes = {name: strip_invisible(value) for name, value in row.items()
                       if name != "pk" and isinstance(value, str) and INVISIBLE.search(value)}
            label = model._meta.label
            if not dry_run:
                try:
                    with transaction.atomic():
                        manager.filter(pk=row["pk"]).update(**changes)
                except DatabaseError:
                    label += " (left)"
            counts[label] = counts.get(label, 0) + 1
    return counts


def rial_models(apps) -> list[type[models.Model]]:
    """The models of the platform's own apps in ``apps`` (the live registry or a migration's)."""
    from django.apps import apps as live

    labels = [config.label for config in live.get_app_configs() if config.name.startswith("rial.")]
    return [model for label in labels for model in _app_models(apps, label)]


def _app_models(apps, label: str) -> list[type[models.Model]]:
    try:
        return list(apps.get_app_config(label).get_models())
    except LookupError:  # an app without models
        return []
