"""Meetings and their conclusions answer mandates through the conference app's Evidence records."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from rial.conference.models import Evidence, Mandate
from rial.conference.services import evidence_add
from rial.meetings.models import Conclusion, Meeting


def meeting_link_mandate(*, meeting: Meeting, mandate: Mandate, user, conclusion: Conclusion | None = None) -> Evidence:
    """Record, through the conference app's evidence service, that a meeting (or one of its conclusions)
    answers a mandate."""
    if not user.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied
    if conclusion is not None and conclusion.meeting_id != meeting.pk:
        raise ValidationError(_("This conclusion belongs to another meeting."))
    if conclusion is not None:
        description = _("%(kind)s %(number)s of %(meeting)s") % {
            "kind": conclusion.get_kind_display(), "number": conclusion.number, "meeting": meeting.title}
    else:
        description = meeting.title
    visibility = Evidence.Visibility.PUBLIC if meeting.is_published else Evidence.Visibility.INTERNAL
    with transaction.atomic():
        created = evidence_add(mandates=[mandate], user=user, description=description, record=conclusion or meeting,
                               visibility=visibility)
    if not created:
        raise ValidationError(_("This mandate is already linked."))
    return created[0]


def evidence_of(meeting: Meeting, user=None):
    """The mandates a meeting and its conclusions answer, in two queries whatever their number; those ``user``
    may read (a draft Plan of Action's mandates are for the network's participants)."""
    conclusion_ids = list(meeting.conclusions.values_list("pk", flat=True))
    types = ContentType.objects.get_for_models(Meeting, Conclusion)
    return (
        Evidence.objects.active()
        .filter(Q(content_type=types[Meeting], object_id=meeting.pk)
                | Q(content_type=types[Conclusion], object_id__in=conclusion_ids))
        .filter(mandate__in=Mandate.objects.visible_to(user))
        .select_related("mandate__plan__conference")
    )
