"""The language a translated field shows on this page, for ``lang="…"`` on its element (WCAG 3.1.2).

A record written in one language shows that language wherever a translation is missing
(MODELTRANSLATION_FALLBACK_LANGUAGES); the element holding it then says which language it is in, so a
screen reader reads an English mandate on the Spanish page with English pronunciation.
"""

from django import template
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

register = template.Library()


@register.filter
def shown_language(record, field: str) -> str:
    """``{{ plan|shown_language:"title" }}``: the language of the value ``{{ plan.title }}`` shows."""
    current = (get_language() or "en").split("-")[0]
    for language in resolution_order(current):
        if getattr(record, f"{field}_{language}", None):
            return language
    return current
