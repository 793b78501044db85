"""Who the meetings app tells, and what: every authority consulted hears that a consultation was put to
it, is reminded before the deadline while it has not answered, and hears the outcome; the participants of
a draft negotiation forum hear that it opened."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.directory.models import Institution
from rial.directory.recipients import institution_recipients
from rial.meetings.models import Consultation, DraftForum
from rial.notifications.kinds import declare_kinds
from rial.notifications.services import notify

KINDS = declare_kinds({
    "meetings.consultation.opened": _("Consultations: a consultation that asks your institution"),
    "meetings.consultation.reminder": _("Consultations: a consultation closing soon without your answer"),
    "meetings.consultation.closed": _("Consultations: the outcome of a consultation"),
    "meetings.forum.opened": _("Draft forums: a draft opened for your comments"),
})

# Consulted authorities that have not answered are reminded this long before the deadline.
REMINDER_BEFORE = datetime.timedelta(days=3)


def _consulted_ids(consultation: Consultation) -> set[int]:
    return set(consultation.consulted.values_list("pk", flat=True))


def consultation_opened(consultation: Consultation) -> int:
    return len(notify(kind="meetings.consultation.opened", key=f"meetings.consultation.opened:{consultation.pk}",
                      recipients=institution_recipients(_consulted_ids(consultation)),
                      template="meetings/email/consultation_opened", context={"consultation": consultation},
                      target=consultation))


def consultation_reminder(consultation: Consultation) -> int:
    """Remind the authorities that have not answered yet (once per consultation and address)."""
    silent = _consulted_ids(consultation) - set(consultation.answers.values_list("institution_id", flat=True))
    if not silent:
        return 0
    return len(notify(kind="meetings.consultation.reminder", key=f"meetings.consultation.reminder:{consultation.pk}",
                      recipients=institution_recipients(silent), template="meetings/email/consultation_reminder",
                      context={"consultation": consultation}, target=consultation))


def consultations_to_remind(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return Consultation.objects.filter(status=Consultation.Status.OPEN, deadline__gt=now,
                                       deadline__lte=now + REMINDER_BEFORE)


def consultation_closed(consultation: Consultation) -> int:
    return len(notify(kind="meetings.consultation.closed", key=f"meetings.consultation.closed:{consultation.pk}",
                      recipients=institution_recipients(_consulted_ids(consultation)),
                      template="meetings/email/consultation_closed", context={"consultation": consultation},
                      target=consultation))


def forum_opened(forum: DraftForum) -> int:
    """The forum's participants: the ministries (their focal points), COSATE, CEATAL and the partner
    organizations (everyone who may comment in it)."""
    participants = (Institution.objects.active()
                    .filter(kind__in=[Institution.Kind.MINISTRY, Institution.Kind.CONSULTATIVE_BODY,
                                      Institution.Kind.PARTNER]).values_list("pk", flat=True))
    return len(notify(kind="meetings.forum.opened", key=f"meetings.forum.opened:{forum.pk}",
                      recipients=institution_recipients(participants), template="meetings/email/forum_opened",
                      context={"forum": forum}, target=forum))
