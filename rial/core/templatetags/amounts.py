from django import template

from rial.core.amounts import format_amount

register = template.Library()


@register.filter
def amount(value, decimals=2):
    """A sum of money in the page language's format (see ``rial.core.amounts``)."""
    return format_amount(value, decimals)
