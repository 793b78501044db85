from django import template

from rial.core.citations import public_citation

register = template.Library()


@register.filter
def citation(source):
    """A record's source as the public may see it (see ``rial.core.citations``)."""
    return public_citation(source)
