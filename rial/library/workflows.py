"""The review of documents submitted to the library, as a transition table (rial.core.workflow).

An institution's people submit their draft; the Secretariat publishes it or returns it with the reason,
and the submitter changes it and submits it again. The Secretariat's own documents are published
from their draft directly, and a published document can be withdrawn (back to a draft).
"""

from django.utils.translation import gettext_lazy as _

from rial.core.workflow import Move, Workflow
from rial.library.models import Document

S = Document.Status

DOCUMENT = Workflow(field="status", states=Document.Status, moves={
    "submit": Move({S.DRAFT, S.RETURNED}, S.SUBMITTED, _("submit for review"), "library.submit_document"),
    "publish": Move({S.DRAFT, S.SUBMITTED}, S.PUBLISHED, _("publish"), "library.publish_document"),
    "return": Move({S.SUBMITTED}, S.RETURNED, _("return to the submitter"), "library.review_document"),
    "withdraw": Move({S.PUBLISHED}, S.DRAFT, _("withdraw from the public"), "library.publish_document"),
})
