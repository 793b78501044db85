"""Refusals of the document importer.

Every refusal is an ``ImportRefused`` whose ``message`` is one whole English sentence for the person who
uploaded the file. The subclasses name the reason, so the Django layer can show a translated message per
class (using ``params`` to fill it in) without parsing the English text.
"""

from __future__ import annotations

from typing import Any


class ImportRefused(Exception):
    """The document cannot be imported; ``message`` says why in one sentence."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message


class EmptyDocument(ImportRefused):
    """The file has no bytes, or no text once read."""


class DocumentTooLarge(ImportRefused):
    """The file is bigger than the size limit (``params``: size, limit)."""


class UnsupportedFileType(ImportRefused):
    """The file name ends with an extension the importer does not read (``params``: extension)."""


class UnreadableDocument(ImportRefused):
    """The bytes are not what the extension promises: binary junk, a broken Word file or PDF."""


class NotAPlanOfAction(ImportRefused):
    """The text was read but is not a Plan of Action."""


class NotAWorkingGroupReport(ImportRefused):
    """The text was read but is not a Working Group report."""
