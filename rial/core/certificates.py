"""Certificates as one-page PDFs (reportlab), in the active language: cooperation activities and events.

Each app says what is certified (the lines under the name); the layout, the DEMO warning and the
verification line are the same for all, so a certificate looks the same whatever it is for.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas


@dataclass(frozen=True)
class Certificate:
    heading: str            # "Certificate of participation"
    name: str               # the person certified
    institution: str        # their institution, may be empty
    statement: str          # "took part in the cooperation activity"
    title: str              # what they took part in
    details: tuple[str, ...] = ()   # dates, parties, place
    is_demo: bool = False
    verification: str = ""  # "Verify at https://…/events/certificates/ABCD-…/" (absolute address)


def certificate_pdf(certificate: Certificate) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(certificate.heading)
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawCentredString(width / 2, height - 120, certificate.heading)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(width / 2, height - 180, _("The Inter-American Network for Labor Administration certifies that"))
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(width / 2, height - 225, certificate.name)
    pdf.setFont("Helvetica", 14)
    if certificate.institution:
        pdf.drawCentredString(width / 2, height - 255, certificate.institution)
    pdf.drawCentredString(width / 2, height - 300, certificate.statement)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(width / 2, height - 330, certificate.title[:110])
    pdf.setFont("Helvetica", 14)
    for number, line in enumerate(certificate.details):
        pdf.drawCentredString(width / 2, height - 360 - 25 * number, line)
    pdf.setFont("Helvetica", 10)
    if certificate.verification:
        pdf.drawCentredString(width / 2, 80, certificate.verification)
    pdf.drawCentredString(width / 2, 60, _("Organization of American States · Technical Secretariat of the IACML"))
    if certificate.is_demo:
        pdf.drawCentredString(width / 2, 40, _("DEMO certificate: invented data, not valid."))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
