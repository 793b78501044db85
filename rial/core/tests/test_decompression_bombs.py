"""Decompression bombs and runaway parsing: an Office archive that would expand beyond the bounds is
refused, with the reason, before anything inflates it and before anything is saved; every parse runs in
a child process bounded in memory and time."""

import io
import resource
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from rial.core import files
from rial.core.files import ExtractionError, ParseLimit, archive_refusal, extract_text, run_bounded, sniff
from rial.core.tests.bombs import pdf_bomb, zip_bomb
from rial.library import services
from rial.library.models import DocumentFile
from rial.library.tests import factories as f
from rial.meetings.models.files import validate_document
from rial.portfolio import exchange
from rial.portfolio.exchange import ImportError_, import_programs
from rial.portfolio.models import Program

# The size of the bomb that was seen: 600 MB of XML in about 620 KB.
BOMB_MB = 600


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb(BOMB_MB)


@pytest.fixture
def no_parsing(monkeypatch):
    """Any parse from here on fails the test: a bomb must be refused before one starts."""
    def refuse(*args, **kwargs):
        raise AssertionError("a parser was started")
    monkeypatch.setattr(files, "run_bounded", refuse)
    monkeypatch.setattr(exchange, "run_bounded", refuse)
    monkeypatch.setattr(files.docx, "Document", refuse)


def test_the_bomb_is_small_on_disk_and_huge_once_opened(bomb):
    import zipfile
    archive = zipfile.ZipFile(io.BytesIO(bomb))
    assert len(bomb) < 700 * 1024
    assert sum(member.file_size for member in archive.infolist()) > BOMB_MB * 1024 * 1024
    assert archive.open("word/document.xml").read(1000) == b" " * 1000  # a real, valid stream


def test_the_bomb_is_refused_from_its_declared_sizes(bomb):
    message = archive_refusal(bomb).replace("\xa0", " ")
    assert "would expand to 600.0 MB" in message and "at most 200.0 MB" in message


def test_a_smaller_bomb_is_refused_for_its_ratio():
    message = archive_refusal(zip_bomb(20))
    assert "would expand" in message and "times its size" in message


def test_a_size_limit_and_a_member_limit_apply_to_honest_ratios(settings):
    settings.RIAL_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    assert "would expand to" in archive_refusal(zip_bomb(2))
    settings.RIAL_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
    settings.RIAL_MAX_ARCHIVE_MEMBERS = 10
    assert "holds 12 parts; at most 10" in archive_refusal(zip_bomb(1, members=12))


def test_an_ordinary_office_file_passes():
    for content in (f.docx_bytes(), f.xlsx_bytes(), f.pptx_bytes()):
        assert archive_refusal(content) is None


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx"])
def test_the_library_refuses_a_bomb_before_parsing_and_keeps_nothing(secretariat, kind, no_parsing):
    document = f.DocumentFactory()
    with pytest.raises(ValidationError) as refused:
        services.document_add_file(document=document, user=secretariat,
                                   upload=f.upload(f"report.{kind}", zip_bomb(BOMB_MB, kind)), language="en")
    assert "would expand" in refused.value.messages[0]
    assert not DocumentFile.objects.exists()


def test_every_type_check_refuses_it(bomb, no_parsing):
    # sniff() is the check of the library and of call guidelines; validate_document of meeting files.
    with pytest.raises(ValidationError, match="would expand"):
        sniff(SimpleUploadedFile("guidelines.docx", bomb))
    for name in ("minutes.docx", "minutes.odt", "figures.xlsx"):
        with pytest.raises(ValidationError, match="would expand"):
            validate_document(SimpleUploadedFile(name, bomb))


@pytest.mark.django_db
def test_the_portfolio_import_refuses_a_workbook_bomb_before_opening_it(secretariat, no_parsing):
    before = Program.objects.count()
    with pytest.raises(ImportError_, match="would expand"):
        import_programs(upload=SimpleUploadedFile("programs.xlsx", zip_bomb(BOMB_MB, "xlsx")), user=secretariat,
                        dry_run=False)
    assert Program.objects.count() == before


def test_a_stored_bomb_is_not_inflated_when_its_text_is_read(bomb, no_parsing):
    # A file kept before the bounds existed: extraction (library task) and a draft forum's paragraphs.
    with pytest.raises(ExtractionError, match="would expand"):
        extract_text(bomb, "docx")
    with pytest.raises(ExtractionError, match="would expand"):
        files.docx_paragraphs(io.BytesIO(bomb))


def test_ordinary_files_are_still_read_through_the_bounded_child():
    assert "Return to work protocol" in extract_text(f.docx_bytes(), "docx")
    assert "Labor inspection in the Americas" in extract_text(f.pdf_bytes(), "pdf")
    assert files.docx_paragraphs(io.BytesIO(f.docx_bytes("One\n"))) == ["One"]


def test_a_pdf_bomb_ends_in_a_refusal_and_the_server_does_not_grow():
    # A PDF's streams are compressed inside the file, out of reach of the archive check: pypdf's own
    # output limit and the bounded child stop it.
    bomb = pdf_bomb(300)
    assert len(bomb) < 400 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(ExtractionError):
        extract_text(bomb, "pdf")
    assert time.monotonic() - started < 60
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: under 100 MB


def _hog_memory() -> int:
    return len(bytearray(2 * 1024 ** 3))  # 2 GB


def _sleep() -> None:
    time.sleep(30)


def _refuse() -> None:
    raise ExtractionError("damaged in a particular way")


def test_a_parse_over_its_memory_is_stopped_and_the_server_does_not_grow(settings):
    settings.RIAL_PARSE_MAX_MEMORY_MB = 200
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ParseLimit, match="more than 200.0\xa0MB of memory"):
        run_bounded(_hog_memory)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: under 100 MB


def test_a_parse_over_its_time_is_stopped(settings):
    settings.RIAL_PARSE_MAX_SECONDS = 1
    started = time.monotonic()
    with pytest.raises(ParseLimit, match="longer than 1 seconds"):
        run_bounded(_sleep)
    assert time.monotonic() - started < 10


def test_the_child_answers_its_value_or_its_refusal():
    assert run_bounded(sum, [1, 2, 3]) == 6
    with pytest.raises(ExtractionError, match="damaged in a particular way"):
        run_bounded(_refuse)
