"""Invisible characters that make a name look like something else are never stored.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) reorder the text
around them: "‮txt.exe" shows as "exe.txt", a ministry's name can be made to read backwards or to hide
its end. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two names that look the same differ,
so an impostor account or a duplicate record passes for the real one. No name, title or code written in
the languages of the Americas needs any of them; every single-line text field (CharField) of every model
is cleaned when saved. Long texts (TextField: descriptions, forum posts in Markdown) are left as written.
"""

import re

from django.db import models
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
