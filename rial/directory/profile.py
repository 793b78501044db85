"""Sections that other apps contribute to the country and topic pages.

A country page gathers everything about a country, a topic page everything about a topic. Rather than
the directory knowing every app, an app may define, in its ``sections.py``,
``country_section(country)`` and/or ``topic_section(topic)``, each returning ``None`` or
``{"title": str, "template": str, "context": dict, "order": int}`` (or a list of them, for an app that adds
several sections). Pages render them in order.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def sections_for(hook: str, obj) -> list[dict]:
    sections = []
    for config in apps.get_app_configs():
        if not config.name.startswith("rial.") or find_spec(f"{config.name}.sections") is None:
            continue
        function = getattr(import_module(f"{config.name}.sections"), hook, None)
        found = function(obj) if function else None
        sections += [item for item in found if item] if isinstance(found, list) else [found] if found else []
    return sorted(sections, key=lambda section: section.get("order", 100))
