"""Sums of money in the active language's format, with thousands separators (3,300.00 in English,
3.300,00 in Spanish): templates use the ``amount`` filter, messages written in Python this function,
so a page never shows one sum two ways."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format


def format_amount(value, decimals: int = 2) -> str:
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return number_format(number, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
