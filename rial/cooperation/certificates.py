"""Certificates of participation as PDF (reportlab), in the language of the request."""

import io

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from rial.cooperation.models import Participant


def certificate_pdf(participant: Participant) -> bytes:
    activity = participant.activity
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(_("Certificate of participation"))
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawCentredString(width / 2, height - 120, _("Certificate of participation"))
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(width / 2, height - 180, _("The Inter-American Network for Labor Administration certifies that"))
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(width / 2, height - 225, participant.full_name)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(width / 2, height - 255, str(participant.institution))
    pdf.drawCentredString(width / 2, height - 300, _("took part in the cooperation activity"))
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(width / 2, height - 330, activity.title)
    pdf.setFont("Helvetica", 14)
    if activity.starts_on and activity.ends_on:
        pdf.drawCentredString(width / 2, height - 360, _("from %(start)s to %(end)s") % {
            "start": formats.date_format(activity.starts_on), "end": formats.date_format(activity.ends_on)})
    pdf.drawCentredString(width / 2, height - 385, _("between %(first)s and %(second)s") % {
        "first": activity.first_party, "second": activity.second_party})
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(width / 2, 60, _("Organization of American States · Technical Secretariat of the IACML"))
    if activity.is_demo:
        pdf.drawCentredString(width / 2, 40, _("DEMO certificate: invented data, not valid."))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
