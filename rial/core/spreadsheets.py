"""Cells of CSV and XLSX exports that a spreadsheet cannot run as formulas (CSV injection).

A cell starting with = + - @ (or a tab or carriage return, which some programs skip before reading
one of those) is read as a formula: a record's title "=HYPERLINK(...)" would become a live link or a
command in the reader's spreadsheet. A leading apostrophe makes it text; the value shown is unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
