"""Read an uploaded document (.txt, .docx or .pdf) into plain text, or refuse it with a reason.

The checks that need no parsing come first, in order of cost: the size from the file system (a 50 MB
upload is refused without reading it), the extension, then the first bytes (a PDF starts with ``%PDF``,
a .docx is a zip archive holding ``word/document.xml``). Only then is the file opened by its reader.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rial.conference.importer.errors import (
    DocumentTooLarge,
    EmptyDocument,
    UnreadableDocument,
    UnsupportedFileType,
)
from rial.conference.importer.vocabulary import month_numbers
from rial.core.files import PDF_MAGIC, ZIP_MAGIC, pdf_pages

SUPPORTED_EXTENSIONS = (".txt", ".docx", ".pdf")

# The PDF standard lets a few bytes of junk precede the header; readers look at the first kilobyte.
PDF_HEADER_WINDOW = 1024
# Text with more than this share of control characters is binary data, whatever its encoding.
MAX_CONTROL_SHARE = 0.01
# Control characters that do belong in text: tab, line feed, form feed (page break), carriage return.
TEXT_CONTROLS = {"\t", "\n", "\x0c", "\r"}


def read_document(path: str | Path, max_bytes: int | None = None) -> str:
    """The plain text of the file at ``path``; raises ``ImportRefused`` when it cannot be imported.

    ``max_bytes`` is the caller's limit (the platform passes its one upload limit, ``rial.core.files``);
    the parser has none of its own."""
    path = Path(path)
    size = path.stat().st_size
    _check_size(size, max_bytes)
    extension = path.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise _unsupported(extension)
    with path.open("rb") as handle:
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    readers = {".txt": text_from_bytes, ".docx": text_from_docx, ".pdf": text_from_pdf}
    text = readers[extension](data)
    if not text.strip():
        raise EmptyDocument("The file contains no text to import.")
    return text


def _check_size(size: int, max_bytes: int | None) -> None:
    if size == 0:
        raise EmptyDocument("The file is empty.")
    if max_bytes is not None and size > max_bytes:
        raise DocumentTooLarge(
            f"The file is {_megabytes(size)} and the limit is {_megabytes(max_bytes)}; "
            "please upload a smaller file.",
            size=size,
            limit=max_bytes,
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _unsupported(extension: str) -> UnsupportedFileType:
    shown = extension or "(none)"
    hint = " Save it as .docx first." if extension in (".doc", ".rtf", ".odt") else ""
    return UnsupportedFileType(
        f"Files of type {shown} cannot be imported; use a .txt, .docx or .pdf file.{hint}",
        extension=extension,
    )


def text_from_bytes(data: bytes) -> str:
    """Decode a plain-text file: UTF-8 first, then Windows-1252 (old Word exports), then Latin-1."""
    _refuse_disguised(data, expected="a plain-text file")
    if b"\x00" in data:
        raise UnreadableDocument("The file contains binary data, not text.")
    text = _decode(data)
    controls = sum(1 for char in text if ord(char) < 32 and char not in TEXT_CONTROLS)
    controls += sum(1 for char in text if 0x7F <= ord(char) < 0xA0)
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise UnreadableDocument("The file contains binary data, not text.")
    return text


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Latin-1 decodes any byte; the control-character check above catches what is really binary.
    return data.decode("latin-1")


def _refuse_disguised(data: bytes, expected: str) -> None:
    """Refuse a PDF or zip archive renamed to another extension, naming what it really is."""
    if PDF_MAGIC in data[:PDF_HEADER_WINDOW] and expected != "a PDF":
        raise UnreadableDocument(f"The file is a PDF, not {expected}; rename it to end in .pdf.")
    if data.startswith(ZIP_MAGIC) and expected != "a Word document":
        raise UnreadableDocument(f"The file is a compressed archive (perhaps a .docx), not {expected}.")


def text_from_docx(data: bytes) -> str:
    """The paragraphs of a Word document in order, with list numbering written out ("a.", "·")."""
    _refuse_disguised(data, expected="a Word document")
    if not data.startswith(ZIP_MAGIC):
        raise UnreadableDocument("The file is named .docx but is not a Word document.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise UnreadableDocument("The file is a zip archive but not a Word document.")
    except zipfile.BadZipFile as error:
        raise UnreadableDocument("The Word document is damaged and cannot be opened.") from error
    try:
        return "\n".join(docx_paragraph_texts(io.BytesIO(data)))
    except UnreadableDocument:
        raise
    except Exception as error:  # python-docx raises many types for damaged files
        raise UnreadableDocument("The Word document is damaged and cannot be opened.") from error


def text_from_pdf(data: bytes) -> str:
    """The text layer of a PDF, page after page."""
    _refuse_disguised(data, expected="a PDF")
    if PDF_MAGIC not in data[:PDF_HEADER_WINDOW]:
        raise UnreadableDocument("The file is named .pdf but is not a PDF document.")
    try:
        pages = pdf_pages(data)
    except Exception as error:  # pypdf raises many types for damaged files
        raise UnreadableDocument("The PDF is damaged and cannot be read.") from error
    if pages is None:
        raise UnreadableDocument("The PDF is protected by a password; upload an unprotected copy.")
    text = "\n".join(pages)
    if not text.strip():
        raise EmptyDocument("The PDF has no text layer (it may be a scanned image); upload a .docx or .txt.")
    return text


# Word list formats and how a counter is written in each; bullets of any symbol become "·".
ROMAN_NUMERALS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(number: int) -> str:
    digits = []
    for value, numeral in ROMAN_NUMERALS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: how Word letters long lists."""
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _format_counter(number: int, number_format: str) -> str:
    formats = {
        "decimal": str,
        "lowerLetter": _letters,
        "upperLetter": lambda n: _letters(n).upper(),
        "lowerRoman": _roman,
        "upperRoman": lambda n: _roman(n).upper(),
    }
    return formats.get(number_format, str)(number)


class _DocxNumbering:
    """Writes out the automatic numbering Word shows before list paragraphs but does not store as text.

    Without it, a list of activities "a.", "b.", "c." typed with Word's numbering button would lose its
    labels, and the plan parser could not tell activities from topics.
    """

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract_levels = {
            abstract.get(qn("w:abstractNumId")): self._read_levels(abstract)
            for abstract in numbering.findall(qn("w:abstractNum"))
        }
        for num in numbering.findall(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is not None:
                self._levels[num.get(qn("w:numId"))] = abstract_levels.get(abstract_id.get(qn("w:val")), {})

    def _read_levels(self, abstract: Any) -> dict[int, tuple[str, str, int]]:
        qn = self._qn
        levels = {}
        for level in abstract.findall(qn("w:lvl")):
            number_format = self._value(level, "w:numFmt") or "decimal"
            text = self._value(level, "w:lvlText") or ""
            start = int(self._value(level, "w:start") or 1)
            levels[int(level.get(qn("w:ilvl")))] = (number_format, text, start)
        return levels

    def _value(self, element: Any, tag: str) -> str | None:
        child = element.find(self._qn(tag))
        return None if child is None else child.get(self._qn("w:val"))

    def label(self, paragraph: Any) -> str:
        """The label Word would display before ``paragraph`` ("a.", "2.", "·"), or ""."""
        num_id, level = self._numbering_of(paragraph)
        levels = self._levels.get(num_id or "", {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(num_id or "", {})
        number_format, text, start = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        if number_format == "bullet":
            return "·"
        for index in range(level + 1):
            value = counters.get(index, levels.get(index, ("decimal", "", 1))[2])
            fmt = levels.get(index, ("decimal", "", 1))[0]
            text = text.replace(f"%{index + 1}", _format_counter(value, fmt))
        return text

    def _numbering_of(self, paragraph: Any) -> tuple[str | None, int]:
        """(numId, level) from the paragraph's own properties, else from its style's."""
        for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
            properties = None if holder is None else holder.find(self._qn("w:pPr"))
            numbering = None if properties is None else properties.find(self._qn("w:numPr"))
            if numbering is not None:
                level = self._value(numbering, "w:ilvl")
                return self._value(numbering, "w:numId"), int(level or 0)
        return None, 0


def docx_paragraph_texts(stream: io.BytesIO) -> list[str]:
    """Every paragraph of the document body in order, tables included, each with its list label."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(stream)
    numbering = _DocxNumbering(document)
    texts = []
    for element in document.element.body.iter(qn("w:p")):
        paragraph = Paragraph(element, document)
        label = numbering.label(paragraph)
        texts.append(f"{label} {paragraph.text}" if label else paragraph.text)
    return texts


# --- From plain text to blocks ------------------------------------------------------------------------
#
# Both parsers read a document as a list of blocks: a paragraph, a list item or a heading, each with its
# label ("2", "a", "iv", "B") or bullet taken off. Page furniture is dropped and lines that were broken
# (by a PDF, or by a label typed alone on its line) are joined first.

MONTH_NUMBERS = month_numbers()
# Any month name of the languages read, for use inside other patterns.
MONTH = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + ")"

# OAS document codes printed in page headers: "OEA/Ser.K/XII.19.1", "CIDI/TRABAJO/doc.4/15 rev.1".
DOC_CODE_RE = re.compile(r"^[A-Z]{2,}(?:/[\w.\-]+)+(?:\s+(?:rev|corr|add)\.?\s*\d+)*$", re.IGNORECASE)
# The language line of OAS documents: "Original: Spanish", "Original: español", "ORIGINAL: INGLÉS".
ORIGINAL_LANGUAGE_RE = re.compile(r"^(?:original|langue\s+originale?)\s*:\s*[^\W\d]+$", re.IGNORECASE)
# Page numbers alone on a line: "3", "- 3 -", "Page 3 of 12", "Página 3".
PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?:page|p[aá]gina|p[aá]g\.)\s*\d+(?:\s*(?:of|de|sur)\s*\d+)?$",
    re.IGNORECASE,
)
# A date alone on a line, as on cover pages: "30 July 2021", "September 22-24, 2021", "30 de julio de 2021".
DATE_LINE_RE = re.compile(
    rf"^(?:\d{{1,2}}\s+(?:de\s+)?{MONTH}(?:\s+de)?\s+\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+\d{{4}}"
    rf"|{MONTH}(?:\s+de)?\s+\d{{4}})\.?$",
    re.IGNORECASE,
)
# Markdown bold left by converters, "**TITLE**". The stars must hug a text holding a letter, so the "***"
# and "*****" placeholders of unnamed chairs are kept.
MARKDOWN_BOLD_RE = re.compile(r"(?<!\*)\*\*(?![\s*])([^*\n]*?[^\W\d_][^*\n]*?)(?<![\s*])\*\*(?!\*)")
FURNITURE_RES = (DOC_CODE_RE, ORIGINAL_LANGUAGE_RE, PAGE_NUMBER_RE)

# Bullet signs seen in the documents; a hyphen counts only when followed by a space ("- a)").
BULLET = r"(?:[·•▪◦‣●○]|[-–*](?=\s))"
# A list or paragraph label: "a.", "a)", "(a)", "iv.", "B.", "12.". Multi-letter labels must be roman.
LABEL = r"\(?(?:[ivxl]{2,5}|[a-z]|[IVXL]{2,5}|[A-Z]|\d{1,3})[.)]"
# A line that is only a label (or bullet and label), whose text follows on the next line: "a.\nPromote".
LABEL_ONLY_RE = re.compile(rf"^(?:{BULLET}\s*)?{LABEL}$")
# The start of a block: optional bullet, optional label, then the text.
BLOCK_START_RE = re.compile(
    rf"^(?P<bullet>{BULLET}\s*)?(?:\(?(?P<label>[ivxl]{{2,5}}|[a-z]|[IVXL]{{2,5}}|[A-Z]|\d{{1,3}})[.)](?:\s+|$))?(?P<text>.*)$"
)
# Punctuation that ends a paragraph; a line after one that lacks it continues the same paragraph.
ENDS_SENTENCE_RE = re.compile(r"[.;:!?…]['\"”’)]*$")


@dataclass
class Block:
    """One paragraph, list item or heading, with its label or bullet taken off ``text``."""

    text: str
    label: str | None = None
    bullet: bool = False

    @property
    def kind(self) -> str:
        """number (paragraph number), section (A., IV.), item (a., iv.), bullet, or plain."""
        if self.label is None:
            return "bullet" if self.bullet else "plain"
        if self.label.isdigit():
            return "number"
        return "section" if self.label.isupper() else "item"

    @property
    def full_text(self) -> str:
        return f"{self.label}. {self.text}" if self.label else self.text


def is_upper_text(text: str) -> bool:
    """True for headings typed in capitals: at least four letters, seven in ten of them upper-case."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and sum(char.isupper() for char in letters) >= 0.7 * len(letters)


def clean_lines(text: str) -> list[str]:
    """Lines of ``text`` without page furniture, markdown bold, or labels left alone on their line.

    Dropped lines become blank lines, so paragraphs keep their boundaries.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = MARKDOWN_BOLD_RE.sub(r"\1", text.replace("\u00a0", " "))
    kept: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        kept.append("" if _is_furniture(line, kept[-1] if kept else "") else line)
    return _join_lone_labels(kept)


def _is_furniture(line: str, previous: str) -> bool:
    """Whether ``line`` is page furniture, given the cleaned line before it.

    A date alone on a line is furniture on a cover page or after a finished sentence; after a sentence
    cut mid-way ("publish a guide by" / "June 2041.") it is the end of that sentence, wrapped.
    """
    if any(regex.match(line) for regex in FURNITURE_RES):
        return True
    return bool(DATE_LINE_RE.match(line)) and (not previous or bool(ENDS_SENTENCE_RE.search(previous)))


def _join_lone_labels(lines: list[str]) -> list[str]:
    joined: list[str] = []
    pending = ""
    for line in lines:
        if pending and line:
            joined.append(f"{pending} {line}")
            pending = ""
        elif LABEL_ONLY_RE.match(line):
            pending = line
        elif not pending:
            joined.append(line)
    if pending:
        joined.append(pending)
    return joined


def split_blocks(lines: list[str], is_heading_start: Callable[[str], bool] | None = None) -> list[Block]:
    """Group cleaned lines into blocks.

    A line starts a new block when it has a label or bullet, when ``is_heading_start`` says so, or when
    ``_continues`` finds the previous block complete. Otherwise it continues the previous block: a
    paragraph broken by a page break, or a heading typed over two lines.
    """
    blocks: list[Block] = []
    blank_before = True
    for line in lines:
        if not line:
            blank_before = True
            continue
        match = BLOCK_START_RE.match(line)
        assert match is not None  # the pattern matches any line
        starts_block = bool(match.group("bullet") or match.group("label"))
        heading = bool(is_heading_start and is_heading_start(line))
        if blocks and not starts_block and not heading and _continues(blocks[-1], line, blank_before):
            blocks[-1].text = f"{blocks[-1].text} {line}"
        else:
            blocks.append(_new_block(match))
        blank_before = False
    return blocks


def _new_block(match: re.Match[str]) -> Block:
    text = SPACES_RE.sub(" ", match.group("text")).strip()
    return Block(text=text, label=match.group("label"), bullet=bool(match.group("bullet")))


def _continues(previous: Block, line: str, blank_before: bool) -> bool:
    """Whether an unlabelled line carries on the previous block rather than starting a paragraph.

    Without a blank line between them it does (PDF text has no blank lines, and a paragraph may wrap
    right after a full stop), unless the previous block is a heading and this line is not. After a blank
    line it does only when it starts in lower case or the previous block stopped mid-sentence.
    """
    if line[0].islower() or not previous.text:
        return True
    if is_upper_text(previous.text) and not is_upper_text(line):
        return False  # a heading does not run on into the paragraph under it
    if not blank_before:
        return True
    return not ENDS_SENTENCE_RE.search(previous.text) and not is_upper_text(line)


SPACES_RE = re.compile(r"\s+")
