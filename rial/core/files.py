"""What an uploaded file really is (from its content, not its name), how large it may be, and its text.

Every upload of the platform is checked here: one size limit (``settings.RIAL_MAX_UPLOAD_BYTES``),
one way to tell a file's type from its first bytes, one set of readers.

PDF starts with ``%PDF-``; DOCX, XLSX and PPTX are ZIP containers told apart by the members they
hold (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``). A password-protected
Office file is not a ZIP but an OLE container with an ``EncryptedPackage`` stream: it is accepted
(kept, with its text marked as not extracted) as the type its name claims.

Reading a file is bounded twice. An Office file is a ZIP archive whose members can expand a thousand
times (a 600 KB "decompression bomb" becomes gigabytes of XML): before anything opens it, the sizes its
members declare are added up and the archive is refused when it would expand beyond
``RIAL_MAX_UNCOMPRESSED_BYTES``, more than ``RIAL_MAX_COMPRESSION_RATIO`` times its own size, or holds
more than ``RIAL_MAX_ARCHIVE_MEMBERS`` members (Python's zipfile never inflates a member beyond the size
it declares, so the declared sizes are a real bound). Then every parse (PDF, DOCX, XLSX, PPTX, the plan
importer) runs in a child process limited in memory (``RIAL_PARSE_MAX_MEMORY_MB``) and time
(``RIAL_PARSE_MAX_SECONDS``), so what the first check cannot see (a PDF's compressed streams, a
pathological file) stops there and not in the worker or the web server.
"""

import io
import multiprocessing
import os
import resource
import zipfile
from collections.abc import Callable
from typing import Any

import docx
import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pptx import Presentation
from pypdf import PdfReader

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MEMBERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OFFICE_TYPES = ("docx", "xlsx", "pptx")
MAX_TEXT_CHARS = 2_000_000  # enough for a 1,000-page study; the rest is not needed to find it


PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def max_upload_bytes() -> int:
    """The largest upload accepted anywhere (``RIAL_MAX_UPLOAD_BYTES``, 25 MB unless the environment says)."""
    return settings.RIAL_MAX_UPLOAD_BYTES


def check_size(upload) -> None:
    """Refuse an empty upload or one over the limit, before anything reads it."""
    if upload.size > max_upload_bytes():
        raise ValidationError(_("The file is %(size)s; the largest accepted is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))


class ExtractionError(Exception):
    """The text cannot be read; the message says why, for the people who see the document."""


class ParseLimit(ExtractionError):
    """Reading the file was stopped: it took too long or needed too much memory."""


# Below this many bytes once expanded, an archive is too small to harm whatever its ratio (a short
# document made of repeated characters compresses several hundred times).
RATIO_FLOOR_BYTES = 10 * 1024 * 1024


def archive_refusal(source, size: int | None = None) -> str | None:
    """Why the ZIP archive ``source`` (an open binary file or bytes) must not be opened, or None.

    Only the central directory is read (the members' declared sizes); nothing is inflated.
    """
    if isinstance(source, bytes | bytearray):
        size, source = len(source), io.BytesIO(source)
    if size is None:
        size = source.seek(0, io.SEEK_END)
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a readable archive: the type checks and the readers say so
    finally:
        source.seek(0)
    limit_members = settings.RIAL_MAX_ARCHIVE_MEMBERS
    if len(members) > limit_members:
        return _("The file holds %(count)s parts; at most %(limit)s are accepted. It is refused before "
                 "being opened, as files built to exhaust the server are.") % {
            "count": len(members), "limit": limit_members}
    expanded = sum(member.file_size for member in members)
    limit = settings.RIAL_MAX_UNCOMPRESSED_BYTES
    if expanded > limit:
        return _("The file would expand to %(size)s when opened; at most %(limit)s is accepted. It is refused "
                 "before being opened, as files built to exhaust the server are.") % {
            "size": filesizeformat(expanded), "limit": filesizeformat(limit)}
    ratio = settings.RIAL_MAX_COMPRESSION_RATIO
    if expanded > RATIO_FLOOR_BYTES and expanded > ratio * max(size, 1):
        return _("The file would expand %(times)s times its size when opened; at most %(limit)s times is "
                 "accepted. It is refused before being opened, as files built to exhaust the server are.") % {
            "times": expanded // max(size, 1), "limit": ratio}
    return None


def check_archive(upload) -> None:
    """Refuse (ValidationError) an upload that is a ZIP archive expanding beyond the bounds."""
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC))
    upload.seek(0)
    if head == ZIP_MAGIC:
        refusal = archive_refusal(upload, upload.size)
        if refusal:
            raise ValidationError(refusal)


def run_bounded(function: Callable[..., Any], *args: Any, seconds: int | None = None,
                memory_mb: int | None = None) -> Any:
    """``function(*args)`` in a child process limited in memory and time; its value or its exception.

    The child is forked, so ``function`` and its arguments need no pickling, only its result does. It
    must not use the database (the connection is the parent's). A child over its memory or time is
    stopped and ``ParseLimit`` raised; the parent's memory never grows with the file.
    """
    seconds = seconds or settings.RIAL_PARSE_MAX_SECONDS
    memory = (memory_mb or settings.RIAL_PARSE_MAX_MEMORY_MB) * 1024 * 1024
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_bounded_child, args=(sender, memory, function, args))
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise ParseLimit(_("Reading the file took longer than %(seconds)s seconds; it was stopped.") % {
                "seconds": seconds})
        try:
            outcome, value = receiver.recv()
        except EOFError:  # the child ended without answering: killed for its memory, or crashed
            outcome, value = "memory", None
    finally:
        if child.is_alive():
            child.kill()
        child.join(10)
        receiver.close()
    if outcome == "memory":
        raise ParseLimit(_("Reading the file needed more than %(limit)s of memory; it was stopped.") % {
            "limit": filesizeformat(memory)})
    if outcome == "raised":
        raise value
    return value


def _address_space() -> int:
    """The virtual memory this process already maps (the limit is set above it)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _bounded_child(sender, memory: int, function, args) -> None:
    try:
        limit = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError):
        pass  # no /proc or no limit settable: the time bound still holds
    try:
        result = ("returned", function(*args))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # handed to the parent, which raises it
        result = ("raised", exc)
    try:
        sender.send(result)
    except Exception:  # an exception that does not pickle: its message is enough
        sender.send(("raised", ExtractionError(str(result[1]))))
    sender.close()
    os._exit(0)  # no cleanup of the parent's objects (database connections) in the child


def docx_paragraphs(handle) -> list[str]:
    """The non-empty paragraphs of a Word document (an open binary file), in order, read within bounds.

    Raises ExtractionError when the file cannot be read or exceeds the bounds.
    """
    data = handle.read(max_upload_bytes() + 1)
    refusal = archive_refusal(data)
    if refusal:
        raise ExtractionError(refusal)
    return run_bounded(_docx_paragraphs, data)


def _docx_paragraphs(data: bytes) -> list[str]:
    try:
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    except MemoryError:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise ExtractionError(_("The file is damaged or cannot be read (%(error)s).") % {
            "error": type(exc).__name__}) from None
    return [paragraph.text.strip() for paragraph in paragraphs if paragraph.text.strip()]


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(upload) -> str:
    """Return "pdf", "docx", "xlsx" or "pptx" from the content of ``upload``, or refuse it."""
    check_size(upload)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    claimed = _extension(upload.name or "")
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            names = None
        finally:
            upload.seek(0)
        if names is not None:
            check_archive(upload)  # before any reader inflates it
        if names is None:
            # A damaged Office file: kept as what its name says, its text marked as not extracted.
            if claimed in OFFICE_TYPES:
                return claimed
            raise ValidationError(_("The file is a damaged ZIP archive, not a PDF, DOCX, XLSX or PPTX file."))
        for member, kind in ZIP_MEMBERS.items():
            if member in names:
                return kind
        raise ValidationError(_("The file is a ZIP archive but not a DOCX, XLSX or PPTX document."))
    if head.startswith(OLE_MAGIC):
        content = upload.read()
        upload.seek(0)
        if "EncryptedPackage".encode("utf-16-le") in content and claimed in OFFICE_TYPES:
            return claimed
        raise ValidationError(_("This is an old Office format (DOC, XLS or PPT): save it as DOCX, XLSX or PPTX."))
    raise ValidationError(_("Only PDF, DOCX, XLSX and PPTX files are accepted; this file is none of them "
                            "(its content was checked, not its name)."))


def extract_text(data: bytes, file_type: str) -> str:
    """The text of a file, or ExtractionError with the reason; read within the bounds of the module."""
    if data.startswith(OLE_MAGIC):
        raise ExtractionError(_("The file is encrypted (protected by a password)."))
    if data.startswith(ZIP_MAGIC):
        refusal = archive_refusal(data)
        if refusal:
            raise ExtractionError(refusal)
    text = run_bounded(_read_text, data, file_type)
    if not text:
        raise ExtractionError(_("No text was found in the file (it may be a scanned image)."))
    return text


def _read_text(data: bytes, file_type: str) -> str:
    try:
        text = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "pptx": _pptx}[file_type](data)
    except (ExtractionError, MemoryError):
        raise
    except Exception as exc:  # each reader raises its own kinds on a damaged file
        # Not chained: the reader's exception may not survive the way back from the child process.
        raise ExtractionError(_("The file is damaged or cannot be read (%(error)s).") % {
            "error": type(exc).__name__}) from None
    return text.strip()[:MAX_TEXT_CHARS]


def pdf_pages(data: bytes) -> list[str] | None:
    """The text of each page of a PDF, or None when a password protects it (a damaged file raises pypdf's
    own exceptions): the one PDF reader of the library, the meetings' files and the plan importer."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return None
    return [page.extract_text() or "" for page in reader.pages]


def _pdf(data: bytes) -> str:
    pages = pdf_pages(data)
    if pages is None:
        raise ExtractionError(_("The file is encrypted (protected by a password)."))
    return "\n".join(pages)


def _docx(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append(" ".join(cells))
    return "\n".join(parts)


def _pptx(data: bytes) -> str:
    presentation = Presentation(io.BytesIO(data))
    parts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
    return "\n".join(parts)
