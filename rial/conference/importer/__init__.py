"""Import IACML documents (Plans of Action, Working Group reports) as plain data, without Django.

``read_document(path, max_bytes)`` turns a .txt, .docx or .pdf file into text; ``detect_kind(text)``
says which kind of document it is; ``parse_plan`` and ``parse_report`` return JSON-able dicts. Every
refusal is an ``ImportRefused`` carrying one English sentence.
"""

from rial.conference.importer.countries import CountryNames
from rial.conference.importer.errors import ImportRefused
from rial.conference.importer.plan import detect_kind, parse_plan
from rial.conference.importer.report import parse_report
from rial.conference.importer.text import read_document

__all__ = ["CountryNames", "ImportRefused", "detect_kind", "parse_plan", "parse_report", "read_document"]
