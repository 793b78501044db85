"""The final report as DOCX (python-docx) and PDF (reportlab), in the structure of the OAS reports:
I. Introduction, II. Summary of topics, III. Areas of consensus and issues for further work,
IV. Recommendations. Headings follow the report's language, not the reader's."""

import io
from xml.sax.saxutils import escape

import docx
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from rial.meetings.models import WorkingGroupReport


def _sections(report: WorkingGroupReport) -> list[tuple[str, list[tuple[str | None, list[str]]]]]:
    """[(heading, [(subheading or None, [paragraph, …]), …]), …]; points are numbered by the writers."""
    def paragraphs(text: str) -> list[str]:
        return [part.strip() for part in text.split("\n\n") if part.strip()]

    with translation.override(report.language):
        return [
            (_("I. INTRODUCTION"), [(None, paragraphs(report.introduction))]),
            (_("II. SUMMARY OF TOPICS"), [(None, paragraphs(report.topics_summary))]),
            (_("III. AREAS OF CONSENSUS AND ISSUES FOR FURTHER WORK"), [
                (_("Areas of consensus"), report.points(report.consensus)),
                (_("Issues for further work"), report.points(report.further_work)),
            ]),
            (_("IV. RECOMMENDATIONS"), [(None, report.points(report.recommendations))]),
        ]


def _numbered(subheading: str | None, heading: str) -> bool:
    return subheading is not None or heading.startswith("IV")


def report_docx(report: WorkingGroupReport) -> bytes:
    document = docx.Document()
    document.core_properties.title = report.title
    document.core_properties.language = report.language
    document.add_heading(report.title, level=0)
    for heading, parts in _sections(report):
        document.add_heading(heading, level=1)
        for subheading, texts in parts:
            if subheading:
                document.add_heading(subheading, level=2)
            for number, text in enumerate(texts, start=1):
                document.add_paragraph(f"{number}. {text}" if _numbered(subheading, heading) else text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_pdf(report: WorkingGroupReport) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=LETTER, title=report.title, lang=report.language)
    story = [Paragraph(escape(report.title), styles["Title"])]
    for heading, parts in _sections(report):
        story.append(Paragraph(escape(heading), styles["Heading1"]))
        for subheading, texts in parts:
            if subheading:
                story.append(Paragraph(escape(subheading), styles["Heading2"]))
            for number, text in enumerate(texts, start=1):
                body = f"{number}. {text}" if _numbered(subheading, heading) else text
                story.append(Paragraph(escape(body), styles["BodyText"]))
                story.append(Spacer(1, 4))
    pdf.build(story)
    return buffer.getvalue()
