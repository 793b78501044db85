"""Certificates of participation as PDF, in the language of the request (layout: rial.core.certificates)."""

from django.utils import formats
from django.utils.translation import gettext as _

from rial.cooperation.models import Participant
from rial.core.certificates import Certificate
from rial.core.certificates import certificate_pdf as draw


def certificate_pdf(participant: Participant) -> bytes:
    activity = participant.activity
    details = []
    if activity.starts_on and activity.ends_on:
        details.append(_("from %(start)s to %(end)s") % {
            "start": formats.date_format(activity.starts_on), "end": formats.date_format(activity.ends_on)})
    details.append(_("between %(first)s and %(second)s") % {
        "first": activity.first_party, "second": activity.second_party})
    return draw(Certificate(
        heading=_("Certificate of participation"), name=participant.full_name,
        institution=str(participant.institution), statement=_("took part in the cooperation activity"),
        title=activity.title, details=tuple(details), is_demo=activity.is_demo))
