from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.core import derived
from rial.core.forms import add_service_error, add_service_message
from rial.core.pagination import Paginator
from rial.core.permissions import authorize, authorize_unpublished
from rial.directory.profile import sections_for
from rial.portfolio import exchange, services
from rial.portfolio.forms import ImportForm, ProgramFilterForm, ProgramForm, ReturnForm
from rial.portfolio.models import Collection, Program
from rial.portfolio.queries import public_programs

PAGE_SIZE = 25
COMPARE_MAX = 4


def _filters(request: HttpRequest) -> tuple[ProgramFilterForm, dict]:
    form = ProgramFilterForm(request.GET or None)
    # Unknown filter values are ignored one by one (a bad country does not drop a good topic).
    cleaned = form.cleaned_data if form.is_valid() else {
        name: value for name, value in getattr(form, "cleaned_data", {}).items() if name not in form.errors}
    return form, cleaned


def program_list(request: HttpRequest) -> HttpResponse:
    form, cleaned = _filters(request)
    programs = public_programs(cleaned)
    page = Paginator(programs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portfolio/program_list.html", {
        "form": form, "filters": derived.form_html("portfolio-filters", form, "portfolio/includes/filters.html"),
        "page": page, "rows": derived.rows_html("portfolio-rows", page, "portfolio/includes/program_cards.html"),
        "query": query.urlencode(),
        "can_add": request.user.has_perm("portfolio.add_program"),
        "can_review": request.user.has_perm("portfolio.review_program"),
        "can_import": request.user.has_perm("portfolio.import_programs"),
        "collections": Collection.objects.all(),
    })


def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    collection = get_object_or_404(Collection, slug=slug)
    form, cleaned = _filters(request)
    programs = public_programs(cleaned, collection=collection)
    page = Paginator(programs, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portfolio/collection_detail.html", {
        "collection": collection, "form": form, "page": page, "query": query.urlencode(),
    })


def _program_for_reader(request: HttpRequest, pk: int) -> Program:
    program = get_object_or_404(
        Program.objects.active().for_list().select_related("revision_of"), pk=pk)
    if not program.is_published or program.is_revision:
        authorize_unpublished(request.user, "portfolio.view_program", program)
    return program


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = _program_for_reader(request, pk)
    if program.is_revision:
        return redirect("portfolio:revision", pk=program.pk)
    user = request.user
    can_view_internal = user.has_perm("portfolio.view_program", program)
    pending = program.revisions.active().first() if can_view_internal else None
    return render(request, "portfolio/program_detail.html", {
        "program": program,
        "pending": pending,
        "transitions": program.transitions.select_related("user") if can_view_internal else None,
        "can_edit": user.has_perm("portfolio.change_program", program),
        "can_submit": user.has_perm("portfolio.submit_program", program),
        "can_review": user.has_perm("portfolio.review_program", program),
        "can_see_history": user.has_perm("core.view_history"),
        "return_form": ReturnForm(),
        "sections": sections_for("program_section", program) if program.is_published else [],
    })


def revision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    revision = _program_for_reader(request, pk)
    if not revision.is_revision:
        return redirect(revision)
    return render(request, "portfolio/revision_detail.html", {
        "program": revision,
        "published": revision.revision_of,
        "can_edit": request.user.has_perm("portfolio.change_program", revision),
        "can_submit": request.user.has_perm("portfolio.submit_program", revision),
        "can_review": request.user.has_perm("portfolio.review_program", revision),
        "return_form": ReturnForm(),
    })


@login_required
def program_create(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "portfolio.add_program")
    form = ProgramForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(user=request.user, data=form.model_data(),
                                              topics=form.cleaned_data["topics"],
                                              populations=form.cleaned_data["populations"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The draft was saved. Submit it for review when it is ready."))
            return redirect("portfolio:detail", pk=program.pk)
    return render(request, "portfolio/program_form.html", {"form": form, "program": None})


@login_required
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program.objects.active().select_related("ministry", "revision_of"), pk=pk)
    authorize(request.user, "portfolio.change_program", program)
    if program.is_published and not program.is_revision:
        # The published version stays visible; changes go to a pending revision reviewed like a draft.
        # Opening the page only reads: the revision row is written by the POST "revise" action.
        revision = program.revisions.active().first()
        if revision is None and request.method == "POST" and request.POST.get("action") == "revise":
            revision = services.program_start_revision(program=program, user=request.user)
        if revision is None:
            return render(request, "portfolio/program_revise.html", {"program": program})
        if not revision.is_editable:
            messages.error(request, _("An update of this program is already waiting for review."))
            return redirect("portfolio:revision", pk=revision.pk)
        return redirect("portfolio:edit", pk=revision.pk)
    if not program.is_editable:
        messages.error(request, _("This program is waiting for review and cannot be changed now."))
        return redirect("portfolio:revision" if program.is_revision else "portfolio:detail", pk=program.pk)
    form = ProgramForm(request.POST or None, instance=program, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.program_update(program=program, user=request.user, data=form.model_data(),
                                        topics=form.cleaned_data["topics"],
                                        populations=form.cleaned_data["populations"])
            except ValidationError as exc:
                program.refresh_from_db()
                add_service_error(form, exc)
            else:
                messages.success(request, _("The changes were saved."))
                return redirect("portfolio:revision" if program.is_revision else "portfolio:detail", pk=program.pk)
        else:
            program.refresh_from_db()
    return render(request, "portfolio/program_form.html", {"form": form, "program": program})


def _transition(request: HttpRequest, pk: int, function, success: str, **kwargs) -> HttpResponse:
    program = get_object_or_404(Program.objects.active().select_related("ministry", "revision_of"), pk=pk)
    if not request.user.has_perm("portfolio.view_program", program):
        raise PermissionDenied
    try:
        result = function(program=program, user=request.user, **kwargs)
    except ValidationError as exc:
        add_service_message(request, exc)
        result = program
    else:
        messages.success(request, success)
    if result.is_revision:
        return redirect("portfolio:revision", pk=result.pk)
    return redirect("portfolio:detail", pk=result.pk)


@login_required
@require_POST
def program_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.program_submit,
                       _("The program was submitted. The Technical Secretariat will review it."))


@login_required
@require_POST
def program_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.program_publish, _("The program was published."))


@login_required
@require_POST
def program_return(request: HttpRequest, pk: int) -> HttpResponse:
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _transition(request, pk, services.program_return,
                       _("The program was returned to its focal point with your comments."), comment=comment)


@login_required
@require_POST
def program_confirm_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.program_confirm_review,
                       _("The review was recorded: the program is current for another twelve months."))


@login_required
def my_programs(request: HttpRequest) -> HttpResponse:
    roles = roles_for(request.user)
    if not roles.is_secretariat and not roles.focal_point_for and not roles.member_of:
        raise PermissionDenied
    ministries = roles.focal_point_for | roles.member_of
    programs = (Program.objects.active().filter(ministry__in=ministries)
                .select_related("ministry__country", "revision_of").order_by("revision_of_id", "name"))
    return render(request, "portfolio/my_programs.html", {
        "programs": programs, "can_add": request.user.has_perm("portfolio.add_program"),
    })


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "portfolio.review_program")
    submitted = (Program.objects.active().filter(status=Program.Status.SUBMITTED)
                 .select_related("ministry__country", "revision_of").order_by("updated_at"))
    due = Program.objects.due_for_review().select_related("ministry__country").order_by("last_reviewed_at", "name")
    return render(request, "portfolio/review_queue.html", {"submitted": submitted, "due": due})


def compare(request: HttpRequest) -> HttpResponse:
    raw = request.GET.getlist("id")[:50]  # a forged URL with thousands of ids does no more work
    ids = []
    for value in raw:
        if value.isdigit() and int(value) not in ids:
            ids.append(int(value))
    if len(ids) > COMPARE_MAX:
        messages.warning(request, _("Up to four programs can be compared; the first four are shown."))
        ids = ids[:COMPARE_MAX]
    found = {program.pk: program for program in
             Program.objects.published().filter(pk__in=ids).for_list()}
    programs = [found[pk] for pk in ids if pk in found]
    return render(request, "portfolio/compare.html", {"programs": programs})



def program_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered public list as CSV or XLSX (published programs only, so open to everyone)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, cleaned = _filters(request)
    programs = public_programs(cleaned)
    base_url = request.build_absolute_uri("/").rstrip("/")
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(exchange.export_csv(programs, base_url), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exchange.export_xlsx(programs, base_url),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="rial-programs-{stamp}.{fmt}"'
    return response


@login_required
def program_import(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "portfolio.import_programs")
    form = ImportForm(request.POST or None, request.FILES or None)
    results, dry_run = None, True
    if request.method == "POST" and form.is_valid():
        dry_run = form.cleaned_data["dry_run"]
        try:
            results = exchange.import_programs(upload=form.cleaned_data["file"], user=request.user, dry_run=dry_run,
                                               lang=(get_language() or "en")[:2])
        except exchange.ImportError_ as exc:
            form.add_error("file", str(exc))
        else:
            if not dry_run:
                messages.success(request, _("The import is done: see below what happened to each row."))
    return render(request, "portfolio/import.html", {
        "form": form, "results": results, "dry_run": dry_run, "columns": exchange.COLUMNS,
        "counts": {outcome: sum(1 for r in results or [] if r.outcome == outcome)
                   for outcome in ("created", "updated", "refused")},
    })
