"""The public calendar page, its iCalendar feed, and the work plans behind it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.conference.models import Mandate
from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize
from rial.meetings.calendar_feed import calendar_entries, ical_feed
from rial.meetings.forms import ActivityForm, CalendarFilterForm, RevisionForm, WorkPlanForm
from rial.meetings.models import PlannedActivity, WorkPlan, WorkPlanRevision
from rial.meetings.services import workplan as workplan_services
from rial.meetings.services.workplan import activity_save, workplan_create


def calendar_page(request: HttpRequest) -> HttpResponse:
    filters = CalendarFilterForm(request.GET or None)
    year = filters.cleaned_data["year"] if filters.is_valid() else None
    return render(request, "meetings/calendar.html", {"entries": calendar_entries(year), "filters": filters})


def calendar_ics(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(ical_feed(calendar_entries()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rial-calendar.ics"'
    return response


def workplan_list(request: HttpRequest) -> HttpResponse:
    plans = WorkPlan.objects.select_related("conference", "planning_meeting").prefetch_related(
        Prefetch("revisions", queryset=WorkPlanRevision.objects.order_by("-number")))
    return render(request, "meetings/workplan_list.html", {
        "plans": plans, "can_add": request.user.has_perm("meetings.add_workplan")})


def workplan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan.objects.select_related("conference", "planning_meeting"), pk=pk)
    authorize(request.user, "meetings.view_workplan", plan)
    revisions = list(plan.revisions.order_by("-number"))
    shown = revisions[0] if revisions else None
    if request.GET.get("revision", "").isdigit():
        shown = next((r for r in revisions if r.number == int(request.GET["revision"])), shown)
    activities = (shown.activities.select_related("country", "meeting").prefetch_related(
        "responsible", Prefetch("mandates", queryset=Mandate.objects.visible_to(request.user)))
                  if shown else PlannedActivity.objects.none())
    can_edit = request.user.has_perm("meetings.change_workplan", plan)
    return render(request, "meetings/workplan_detail.html", {
        "plan": plan, "revisions": revisions, "shown": shown, "activities": activities,
        "is_latest": bool(revisions) and shown == revisions[0], "can_edit": can_edit,
        "revision_form": RevisionForm() if can_edit else None,
    })


@login_required
def workplan_add(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "meetings.add_workplan")
    form = WorkPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = workplan_create(plan=form.save(commit=False), as_of=form.cleaned_data["as_of"],
                                       user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The work plan was created."))
            return redirect(revision.plan)
    return render(request, "meetings/workplan_form.html", {"form": form})


@login_required
@require_POST
def workplan_revise(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    authorize(request.user, "meetings.change_workplan", plan)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: give the date of the revision."))
        return redirect(plan)
    try:
        revision = workplan_services.workplan_revise(plan=plan, as_of=form.cleaned_data["as_of"], note=form.cleaned_data["note"],
                                   user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
        return redirect(plan)
    messages.success(request, _("Revision %(number)s was started from a copy of the previous one.")
                     % {"number": revision.number})
    return redirect(plan)


@login_required
def activity_edit(request: HttpRequest, pk: int, activity_pk: int | None = None) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    authorize(request.user, "meetings.change_workplan", plan)
    latest = plan.revisions.order_by("-number").first()
    if activity_pk:
        activity = get_object_or_404(PlannedActivity.objects.select_related("revision__plan"), pk=activity_pk,
                                     revision__plan=plan)
    else:
        activity = PlannedActivity(revision=latest)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        try:
            activity_save(activity=form.save(commit=False), user=request.user,
                          responsible=form.cleaned_data["responsible"], mandates=form.cleaned_data["mandates"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(plan)
    return render(request, "meetings/activity_form.html", {"plan": plan, "activity": activity, "form": form})
