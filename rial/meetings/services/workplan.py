"""Work plans: created with a first revision; each revision copies the last one whole, so old ones stay."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.meetings import actions
from rial.meetings.models import PlannedActivity, WorkPlan, WorkPlanRevision


def workplan_create(*, plan: WorkPlan, as_of: datetime.date, user) -> WorkPlanRevision:
    """Save a new work plan with its first (empty) revision."""
    if not user.has_perm("meetings.add_workplan"):
        raise PermissionDenied
    with transaction.atomic():
        plan.full_clean()
        save_logged(plan, user=user, action=actions.WORKPLAN_CREATED)
        revision = WorkPlanRevision(plan=plan, number=1, as_of=as_of, created_by=user)
        save_logged(revision, user=user, action=actions.WORKPLAN_REVISION_CREATED)
    return revision


def workplan_revise(*, plan: WorkPlan, as_of: datetime.date, note: str, user) -> WorkPlanRevision:
    """Start a new revision holding a copy of every activity of the latest one; the latest stays as it was."""
    if not user.has_perm("meetings.change_workplan", plan):
        raise PermissionDenied
    with transaction.atomic():
        # Lock the plan so two revisions started at once get different numbers.
        WorkPlan.objects.select_for_update().get(pk=plan.pk)
        latest = plan.revisions.order_by("-number").first()
        if latest and as_of < latest.as_of:
            raise ValidationError(_("A revision cannot be dated before the previous one (%(date)s).")
                                  % {"date": latest.as_of.isoformat()})
        number = (plan.revisions.aggregate(Max("number"))["number__max"] or 0) + 1
        revision = WorkPlanRevision(plan=plan, number=number, as_of=as_of, note=note, created_by=user)
        revision.full_clean()
        save_logged(revision, user=user, action=actions.WORKPLAN_REVISED)
        if latest:
            for activity in latest.activities.prefetch_related("responsible", "mandates"):
                responsible = list(activity.responsible.all())
                mandates = list(activity.mandates.all())
                activity.pk = None
                activity._prefetched_objects_cache = {}  # else set() below would compare with the old rows
                activity._state.adding = True
                activity.revision = revision
                save_logged(activity, user=user, action=actions.ACTIVITY_COPIED)
                activity.responsible.set(responsible)
                activity.mandates.set(mandates)
    return revision


def activity_save(*, activity: PlannedActivity, user, responsible=None, mandates=None) -> PlannedActivity:
    """Add or change an activity of the latest revision (earlier revisions are the record: read-only)."""
    if not user.has_perm("meetings.change_plannedactivity", activity):
        raise PermissionDenied
    if not activity.revision.is_current:
        raise ValidationError(_("Only the latest revision of a work plan can be changed: start a new revision."))
    with transaction.atomic():
        activity.full_clean()
        save_logged(activity, user=user, action=actions.ACTIVITY_SAVED)
        if responsible is not None:
            activity.responsible.set(responsible)
        if mandates is not None:
            activity.mandates.set(mandates)
    return activity
