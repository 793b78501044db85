"""Where searchable documents come from: the sources every installed app registers in its ``search.py``
(the contract is ``rial.core.searchable``)."""

from django.utils.module_loading import autodiscover_modules

from rial.core.searchable import SearchSource, registered

_discovered = False


def sources() -> list[SearchSource]:
    """The registered sources, in INSTALLED_APPS order (each app's ``search.py`` is imported once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("search")
        _discovered = True
    return registered()


def kinds() -> dict:
    """Every kind any source contributes, with its label."""
    result = {}
    for source in sources():
        result.update(source.kinds)
    return result
