"""Who the follow-up of mandates tells, and what: the people responsible for a mandate hear when it is
assigned to them, when it falls due and when it is overdue (each once per institution or due date)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.conference.models import Mandate
from rial.core.emails import Recipient
from rial.directory.models import Institution
from rial.directory.recipients import institution_recipients
from rial.notifications.kinds import declare_kinds
from rial.notifications.models import Notification
from rial.notifications.services import notify

KINDS = declare_kinds({
    "conference.mandate.assigned": _("Mandates: a mandate assigned to your institution"),
    "conference.mandate.due": _("Mandates: a mandate of yours falling due"),
    "conference.mandate.overdue": _("Mandates: a mandate of yours overdue"),
})


def responsible_institution_ids(mandate: Mandate) -> set[int]:
    """Who owns the next report of a mandate: its responsible institutions and the ministries chairing and
    vice-chairing its group; the Secretariat for the network's own actions."""
    institutions = set(mandate.responsible_institutions.values_list("pk", flat=True))
    if mandate.group_id:
        countries = mandate.group.authority_country_ids
        institutions |= set(Institution.objects.ministries().filter(country__in=countries).values_list("pk", flat=True))
    if not institutions:
        institutions = set(Institution.objects.filter(kind=Institution.Kind.SECRETARIAT).values_list("pk", flat=True))
    return institutions


def responsible_people(mandate: Mandate) -> list[Recipient]:
    return institution_recipients(responsible_institution_ids(mandate))


def mandate_assigned(mandate: Mandate, institution_ids) -> int:
    """Tell each newly responsible institution's people (once per institution and mandate)."""
    told = 0
    for institution in Institution.objects.filter(pk__in=list(institution_ids)):
        told += len(notify(kind="conference.mandate.assigned",
                           key=f"conference.mandate.assigned:{mandate.pk}:{institution.pk}",
                           recipients=institution_recipients([institution.pk]),
                           template="conference/email/mandate_assigned",
                           context={"mandate": mandate, "institution": institution}, target=mandate))
    return told


def mandate_due(mandate: Mandate, recipients: list[Recipient]) -> int:
    return len(notify(kind="conference.mandate.due", key=f"conference.mandate.due:{mandate.pk}:{mandate.due_date}",
                      recipients=recipients, template="conference/email/due_reminder",
                      context={"mandate": mandate}, target=mandate))


def overdue_mandates(today: datetime.date | None = None):
    today = today or timezone.localdate()
    return (Mandate.objects.active().filter(due_date__lt=today).exclude(status=Mandate.Status.DONE)
            .select_related("group", "plan__conference"))


def mandate_overdue(mandate: Mandate) -> int:
    """Once per due date: the mandate's due date passed and it is not done."""
    key = f"conference.mandate.overdue:{mandate.pk}:{mandate.due_date}"
    if Notification.objects.filter(key=key).exists():
        return 0
    return len(notify(kind="conference.mandate.overdue", key=key, recipients=responsible_people(mandate),
                      template="conference/email/mandate_overdue", context={"mandate": mandate}, target=mandate))
