"""Documents and files the importer must refuse, each with one clear sentence."""

import os
import pathlib
import zipfile

import pytest

from rial.conference.importer.errors import (
    DocumentTooLarge,
    EmptyDocument,
    ImportRefused,
    NotAPlanOfAction,
    NotAWorkingGroupReport,
    UnreadableDocument,
    UnsupportedFileType,
)
from rial.conference.importer.plan import detect_kind, parse_plan
from rial.conference.importer.report import parse_report
from rial.conference.importer.tests.samples import PROSE, RECIPE, REPORT, countries
from rial.conference.importer.text import read_document


@pytest.mark.parametrize("text", [RECIPE, PROSE, REPORT, ""], ids=["recipe", "prose", "report", "empty"])
def test_not_a_plan(text):
    with pytest.raises(NotAPlanOfAction, match=r"^This document does not look like a Plan of Action: .+\.$"):
        parse_plan(text, countries())


def test_title_without_working_groups_is_not_a_plan():
    with pytest.raises(NotAPlanOfAction, match="no Working Group sections"):
        parse_plan("PLAN OF ACTION OF NOWHERE\n\n1. We will bake a cake.\n", countries())


@pytest.mark.parametrize("text", [RECIPE, PROSE], ids=["recipe", "prose"])
def test_not_a_report(text):
    with pytest.raises(
        NotAWorkingGroupReport, match=r"^This document does not look like a Working Group report: .+\.$"
    ):
        parse_report(text)


@pytest.mark.parametrize("text", [RECIPE, PROSE, ""], ids=["recipe", "prose", "empty"])
def test_detect_kind_of_other_text(text):
    assert detect_kind(text) is None


def test_refusals_are_import_refused_with_a_message():
    with pytest.raises(ImportRefused) as caught:
        parse_plan(RECIPE, countries())
    assert str(caught.value) == caught.value.message


def test_empty_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="The file is empty."):
        read_document(path)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("  \n\n\t\n")
    with pytest.raises(EmptyDocument, match="no text"):
        read_document(path)


def test_fifty_megabytes_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.write(b"PLAN OF ACTION")
    assert path.stat().st_size == 50 * 1024 * 1024

    def refuse_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(pathlib.Path, "open", refuse_open)
    with pytest.raises(DocumentTooLarge, match=r"The file is 50\.0 MB and the limit is 10\.0 MB") as caught:
        read_document(path, max_bytes=10 * 1024 * 1024)
    assert caught.value.params == {"size": 50 * 1024 * 1024, "limit": 10 * 1024 * 1024}


def test_limit_is_an_argument(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("x" * 2048)
    with pytest.raises(DocumentTooLarge):
        read_document(path, max_bytes=1024)
    assert read_document(path, max_bytes=4096) == "x" * 2048
    assert read_document(path) == "x" * 2048  # the parser has no limit of its own: the caller gives it


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"PLAN\x00\x01\x02" * 100)
    with pytest.raises(UnreadableDocument, match="binary data"):
        read_document(path)


def test_random_bytes(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(bytes(range(1, 256)) * 50)
    with pytest.raises(UnreadableDocument, match="binary data"):
        read_document(path)


@pytest.mark.parametrize("name", ["plan.doc", "plan.xlsx", "plan", "plan.exe"])
def test_unknown_extension(tmp_path, name):
    path = tmp_path / name
    path.write_text("PLAN OF ACTION")
    with pytest.raises(UnsupportedFileType, match="cannot be imported; use a .txt, .docx or .pdf file"):
        read_document(path)


def test_doc_extension_gets_a_hint(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(UnsupportedFileType, match="Save it as .docx first"):
        read_document(path)


def test_text_named_pdf(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_text("PLAN OF ACTION, just text")
    with pytest.raises(UnreadableDocument, match="named .pdf but is not a PDF"):
        read_document(path)


def test_damaged_pdf(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    with pytest.raises(ImportRefused):
        read_document(path)


def test_text_named_docx(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text("PLAN OF ACTION, just text")
    with pytest.raises(UnreadableDocument, match="named .docx but is not a Word document"):
        read_document(path)


def test_zip_without_word_document(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(UnreadableDocument, match="zip archive but not a Word document"):
        read_document(path)


def test_pdf_named_txt(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"%PDF-1.7\n%binary")
    with pytest.raises(UnreadableDocument, match="The file is a PDF, not a plain-text file"):
        read_document(path)


def test_pdf_named_docx(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"%PDF-1.7\n%binary")
    with pytest.raises(UnreadableDocument, match="The file is a PDF, not a Word document"):
        read_document(path)
