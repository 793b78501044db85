"""Where searchable documents come from: every installed app's ``search.py`` (see documents.py)."""

from contextlib import contextmanager
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

_extra: list = []


def sources() -> list:
    """The modules that implement the indexing interface, in INSTALLED_APPS order."""
    return _installed() + _extra


@cache
def _installed() -> list:
    # The installed apps never change while the process runs: look for their search.py once.
    found = []
    for config in apps.get_app_configs():
        if config.name == "rial.search" or not config.name.startswith("rial."):
            continue
        if find_spec(f"{config.name}.search") is not None:
            module = import_module(f"{config.name}.search")
            if hasattr(module, "SEARCH_KINDS"):
                found.append(module)
    return found


def kinds() -> dict:
    """Every kind any source contributes, with its label."""
    result = {}
    for module in sources():
        result.update(module.SEARCH_KINDS)
    return result


@contextmanager
def extra_source(module):
    """For tests: make ``module`` (anything with the interface's names) a source for a while."""
    _extra.append(module)
    try:
        yield module
    finally:
        _extra.remove(module)
