"""The kinds of notification the platform sends, each with the label a person reads in their settings.

Each app declares the kinds it sends in its ``notices.py`` (``KINDS = declare_kinds({...})``); the
settings page and the admin list them so a person can turn off the email of a kind (the in-app list
still records it). Kinds are found by name at run time, so this app imports none of the apps above it.
"""

from django.utils.module_loading import autodiscover_modules

_KINDS: dict[str, object] = {}
_discovered = False


def declare_kinds(kinds: dict[str, object]) -> dict[str, object]:
    """Make an app's notification kinds known: ``{"portfolio.program.submitted": _("A program to review")}``."""
    for kind in kinds:
        if kind.count(".") < 1 or kind != kind.strip():
            raise ValueError(f"a notification kind is app.event: {kind!r}")
    _KINDS.update(kinds)
    return kinds


def declared_kinds() -> dict[str, object]:
    """Every declared kind and its (lazily translated) label, in the order of their codes."""
    global _discovered
    if not _discovered:
        autodiscover_modules("notices")
        _discovered = True
    return dict(sorted(_KINDS.items()))


def kind_choices() -> list[tuple[str, str]]:
    return [(kind, str(label)) for kind, label in declared_kinds().items()]
