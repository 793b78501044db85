"""Working group final reports: drafted from the records, edited, exported as DOCX and PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize, authorize_unpublished
from rial.meetings import report_export
from rial.meetings.forms import CarryForm, ReportDraftForm, ReportForm
from rial.meetings.models import WorkingGroupReport
from rial.meetings.services import report as report_services
from rial.meetings.services.report import report_draft, report_move, report_update
from rial.meetings.workflows import REPORT


def report_list(request: HttpRequest) -> HttpResponse:
    reports = WorkingGroupReport.objects.select_related("group__conference").prefetch_related("group__vice_chairs")
    visible = [report for report in reports if request.user.has_perm("meetings.view_workinggroupreport", report)]
    return render(request, "meetings/report_list.html", {
        "reports": visible, "can_add": request.user.has_perm("meetings.add_workinggroupreport")})


@login_required
def report_add(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "meetings.add_workinggroupreport")
    form = ReportDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = report_draft(user=request.user, **form.cleaned_data)
        messages.success(request, _("The report was drafted from the records: review and edit it before export."))
        return redirect("meetings:report_edit", pk=report.pk)
    return render(request, "meetings/report_add.html", {"form": form})


def _report(request: HttpRequest, pk: int, perm: str) -> WorkingGroupReport:
    report = get_object_or_404(WorkingGroupReport.objects.select_related("group__conference"), pk=pk)
    # A draft report does not exist for whoever may not read it; a reader who may not change it is refused.
    authorize_unpublished(request.user, "meetings.view_workinggroupreport", report)
    authorize(request.user, perm, report)
    return report


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.view_workinggroupreport")
    can_carry = request.user.has_perm("meetings.carry_recommendations", report)
    return render(request, "meetings/report_detail.html", {
        "report": report,
        "can_edit": request.user.has_perm("meetings.change_workinggroupreport", report),
        "moves": [(name, REPORT.moves[name].label) for name in REPORT.allowed(report, request.user)],
        "carry_form": CarryForm() if can_carry else None,
    })


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.change_workinggroupreport")
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST":
        if form.is_valid():
            try:
                report_update(report=report, user=request.user, data=form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The report was saved."))
                return redirect(report)
        report.refresh_from_db()
    return render(request, "meetings/report_edit.html", {"report": report, "form": form})


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    report = _report(request, pk, "meetings.change_workinggroupreport")
    try:
        report = report_move(report=report, user=request.user, move=move)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("The report is now “%(status)s”.") % {"status": report.get_status_display()})
    return redirect(report)


@login_required
@require_POST
def report_regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.change_workinggroupreport")
    try:
        report_services.report_regenerate(report=report, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("The report was drafted again from the records; the earlier text is in its history."))
    return redirect("meetings:report_edit", pk=report.pk)


@login_required
@require_POST
def report_carry(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.carry_recommendations")
    form = CarryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: choose a draft Plan of Action."))
        return redirect(report)
    try:
        created = report_services.report_carry_recommendations(report=report, plan=form.cleaned_data["plan"],
                                                               user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, ngettext(
            "%(count)s recommendation was added to the draft as a proposed mandate.",
            "%(count)s recommendations were added to the draft as proposed mandates.", len(created),
        ) % {"count": len(created)})
    return redirect(report)


def _download(report: WorkingGroupReport, content: bytes, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slugify(report.title) or "report"}.{extension}"'
    return response


def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.view_workinggroupreport")
    return _download(report, report_export.report_docx(report), "docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "meetings.view_workinggroupreport")
    return _download(report, report_export.report_pdf(report), "pdf", "application/pdf")
