"""The same plan read from .txt (several encodings), .docx made with python-docx and .pdf made with reportlab."""

import textwrap

import pytest

from rial.conference.importer.tests.samples import ENGLISH_PLAN, SPANISH_PLAN, parsed_json
from rial.conference.importer.text import read_document


def _summary(text: str) -> list:
    plan = parsed_json(text)
    return [
        plan["chair"],
        [
            (g["number"], g["chair"], len(g["topics"]), [len(a["items"]) for a in g["activities"]])
            for g in plan["working_groups"]
        ],
        len(plan["network_actions"]),
        [d["date"] for d in plan["deadlines"]],
    ]


EXPECTED = _summary(ENGLISH_PLAN)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_txt_encodings(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    # Latin-1 has "·" but not "•"; the plan keeps its structure with either bullet.
    path.write_bytes(SPANISH_PLAN.replace("•", "·").encode(encoding))
    text = read_document(path)
    assert "PLAN DE ACCIÓN DE BRIDGETOWN" in text
    assert not text.startswith("\ufeff")
    assert _summary(text) == EXPECTED


def test_cp1252_smart_quotes(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("“Decent work” – México".encode("cp1252"))
    assert read_document(path) == "“Decent work” – México"


def test_windows_line_endings(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(ENGLISH_PLAN.replace("\n", "\r\n").encode("utf-8"))
    assert _summary(read_document(path)) == EXPECTED


def test_docx_paragraphs_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ENGLISH_PLAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    assert _summary(read_document(path)) == EXPECTED


def test_docx_list_paragraphs_get_their_bullets(tmp_path):
    """Word list paragraphs store no bullet in their text; the reader writes it back."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ENGLISH_PLAN.splitlines():
        if line.startswith(("· ", "• ")):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    text = read_document(path)
    assert "· Skills for green jobs;" in text
    assert _summary(text) == EXPECTED


def test_docx_numbered_list_and_table(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("Second step", style="List Number")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "In a table"
    document.add_paragraph("After the table")
    path = tmp_path / "steps.docx"
    document.save(path)
    assert read_document(path).splitlines() == [
        "1. First step",
        "2. Second step",
        "In a table",
        "After the table",
    ]


def test_pdf_with_page_furniture(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    font = _unicode_font(pdfmetrics, TTFont)
    lines = [wrapped for line in ENGLISH_PLAN.splitlines() for wrapped in (textwrap.wrap(line, 80) or [""])]
    page, y = 1, 0.0
    for index, line in enumerate(lines):
        if index % 40 == 0:
            if index:
                pdf.drawString(280, 40, f"- {page} -")  # page number at the foot
                pdf.showPage()
                page += 1
            pdf.setFont(font, 10)
            pdf.drawString(400, 800, "CIDI/TRABAJO/doc.9/40 rev.2")  # document code in the header
            y = 770.0
        pdf.drawString(50, y, line)
        y -= 16
    pdf.save()
    assert _summary(read_document(path)) == EXPECTED


def _unicode_font(pdfmetrics, ttfont) -> str:
    """A TrueType font for the "·" and "•" bullets when one is installed, else Helvetica (Latin-1 only)."""
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ):
        try:
            pdfmetrics.registerFont(ttfont("DejaVu", candidate))
            return "DejaVu"
        except Exception:  # noqa: S112 - try the next candidate
            continue
    return "Helvetica"
