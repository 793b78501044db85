"""Import IACML documents (Plans of Action, Working Group reports) as plain data.

``read_document(path, max_bytes)`` turns a .txt, .docx or .pdf file into text; ``detect_kind(text)``
says which kind of document it is; ``parse_plan`` returns a ``ParsedPlan`` (``parsed.py``: typed records
with the fixed JSON shape) and ``parse_report`` a JSON-able dict. The words of each language the plans are
written in are tabulated in ``vocabulary.py``. Every
refusal is an ``ImportRefused`` carrying one English sentence.

These modules know nothing of Django (this package imports none of it). The one module that does,
``uploads.py``, is imported by name: it reads an upload with the platform's limit, gives the parser the
directory's country names and says refusals and warnings in the user's language.
"""

from rial.conference.importer.countries import CountryNames
from rial.conference.importer.errors import ImportRefused
from rial.conference.importer.parsed import ParsedPlan, ParseWarning
from rial.conference.importer.plan import detect_kind, parse_plan
from rial.conference.importer.report import parse_report
from rial.conference.importer.text import read_document

__all__ = ["CountryNames", "ImportRefused", "ParsedPlan", "ParseWarning", "detect_kind", "parse_plan", "parse_report",
           "read_document"]
