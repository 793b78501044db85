"""Highlighted snippets, computed in Python so both engines show the same thing.

The index holds stemmed terms, not the text a reader sees, so the engines' own snippet functions
would show "es_inspeccion". Instead the stored text of the matching language version is scanned for
words whose term is one of the query's, and those are wrapped in ``<mark>``; everything else is
escaped.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rial.search.text import WORD_RE, word_memo, word_term

UNKNOWN = object()

SNIPPET_CHARS = 240
SCAN_CHARS = 50_000  # where no match is found this far, the opening of the text is shown


def _matches(text: str, language: str, wanted: set[str], start: int, end: int, first_only: bool = False):
    spans = []
    if not wanted:  # browsing by filters alone: nothing to look for in 50,000 characters
        return spans
    known = word_memo(language)  # read here, not through word_term for each of thousands of words
    for match in WORD_RE.finditer(text, start, min(len(text), end)):
        word = match.group()
        found = known.get(word, UNKNOWN)
        if found is UNKNOWN:
            found = word_term(word, language)
        if found in wanted:
            spans.append(match.span())
            if first_only:
                break
    return spans


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight(text: str, language: str, wanted: set[str]) -> SafeString:
    """The whole (short) text, escaped, with matching words marked: for titles."""
    text = unicodedata.normalize("NFC", text)
    return mark_safe(_render(text, _matches(text, language, wanted, 0, len(text)), 0, len(text)))  # noqa: S308


def contains(text: str, language: str, wanted: set[str]) -> bool:
    return bool(_matches(text, language, wanted, 0, SCAN_CHARS, first_only=True))


def snippet(text: str, language: str, wanted: set[str]) -> SafeString:
    """About ``SNIPPET_CHARS`` characters around the first match, escaped, matches marked."""
    text = " ".join(unicodedata.normalize("NFC", text[:SCAN_CHARS]).split())
    first_match = _matches(text, language, wanted, 0, SCAN_CHARS, first_only=True)
    start = 0
    if first_match:
        first = first_match[0][0]
        start = max(0, first - SNIPPET_CHARS // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    html = _render(text, _matches(text, language, wanted, start, end) if first_match else [], start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308
