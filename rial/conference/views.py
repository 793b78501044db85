"""Pages of the conference cycle. Reads are public; every write is a POST to its own URL calling a service."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.conference import services
from rial.conference.forms import (
    DeclarationForm,
    EvidenceForm,
    FollowUpForm,
    MandateEditForm,
    PlanCorrectionForm,
    PlanUploadForm,
    ProgressReportForm,
)
from rial.conference.importer import uploads
from rial.conference.importer.parsed import ParsedPlan
from rial.conference.models import (
    Conference,
    ConferenceDocument,
    Evidence,
    Mandate,
    PlanUpload,
    ProgressReport,
    WorkingGroup,
    from_roman,
)
from rial.conference.plan_import import plan_import
from rial.conference.services import (
    declaration_save,
    document_set_status,
    evidence_add,
    progress_report_add,
    troika_on,
)
from rial.conference.tasks import parse_plan_upload, stalled_before
from rial.conference.workflows import DOCUMENT
from rial.core import derived
from rial.core.files import check_archive, check_size
from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize, authorize_unpublished
from rial.core.storage import file_response, private_storage

# The parsed plan travels between the preview and the save as a signed value, so it cannot be forged.
IMPORT_SALT = "rial.conference.import"
IMPORT_MAX_AGE = 60 * 60 * 4
FILE_SALT = "rial.conference.import.file"
# How often the page of an upload being read reloads itself (a meta refresh: no script under the CSP).
STATUS_REFRESH_SECONDS = 2


def visible_evidence(user):
    evidence = Evidence.objects.filter(archived_at__isnull=True).prefetch_related("record")
    if not user.has_perm("conference.view_internal_evidence"):
        evidence = evidence.filter(visibility=Evidence.Visibility.PUBLIC)
    return evidence


def mandate_rows(user, mandates):
    """Mandates with their items and visible evidence, in a fixed number of queries whatever their count."""
    return mandates.select_related("group").prefetch_related(
        Prefetch("items", queryset=Mandate.objects.active().order_by("position")
                 .prefetch_related(Prefetch("evidence", queryset=visible_evidence(user)))),
        Prefetch("evidence", queryset=visible_evidence(user)),
        "topics",
    )


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    conferences = (Conference.objects.select_related("chair")
                   .annotate(plan_count=Count("documents", filter=Q(documents__archived_at__isnull=True)))
                   .order_by("-number"))
    return render(request, "conference/home.html", {
        "troika_html": derived.fragment("conference-troika", "conference/includes/troika_today.html",
                                        lambda: {"troika": troika_on(today)}, today.isoformat()),
        "conferences_html": derived.fragment("conference-table", "conference/includes/conference_table.html",
                                             {"conferences": conferences}),
        "can_import": request.user.has_perm("conference.import_plan"),
    })


def conference_detail(request: HttpRequest, number: int) -> HttpResponse:
    conference = get_object_or_404(Conference.objects.select_related("chair"), number=number)
    counted = Q(mandates__archived_at__isnull=True, mandates__parent__isnull=True)
    if not request.user.has_perm("conference.view_draft_plan"):
        counted &= ~Q(mandates__plan__status=ConferenceDocument.Status.DRAFT)  # a draft plan's are not counted
    groups = (conference.working_groups.select_related("chair").prefetch_related("vice_chairs")
              .annotate(mandate_count=Count("mandates", filter=counted)))
    start = conference.start or conference.began_on
    # A draft Declaration is the Secretariat's, a draft plan the network's participants' (their pages 404 too).
    documents = conference.documents.visible_to(request.user)
    return render(request, "conference/conference_detail.html", {
        "conference": conference, "troika": troika_on(start),
        "documents": documents.order_by("kind", "language"),
        "groups": groups,
        "can_add_declaration": request.user.has_perm("conference.add_conferencedocument"),
    })


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(ConferenceDocument.objects.active().select_related("conference", "original")
                             .filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION), pk=pk)
    authorize_unpublished(request.user, "conference.view_plan", plan)
    principal = plan.original or plan
    mandates = mandate_rows(request.user, Mandate.objects.active().top_level().filter(plan=principal)
                            .order_by("position"))
    sections = _by_group(list(mandates))
    next_statuses = [(value, ConferenceDocument.Status(value).label) for value in DOCUMENT.targets(plan.status)]
    return render(request, "conference/plan_detail.html", {
        "plan": plan, "sections": sections, "versions": principal.language_versions.visible_to(request.user),
        "principal": principal, "can_download": _may_download(request.user, plan),
        "next_statuses": next_statuses if request.user.has_perm("conference.change_conferencedocument", plan) else [],
        "import_warnings": [uploads.translated_warning(warning) for warning in plan.import_warnings],
        "can_import": request.user.has_perm("conference.import_plan"),
    })


@login_required
@require_POST
def plan_set_status(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(ConferenceDocument.objects.active(), pk=pk)
    authorize(request.user, "conference.change_conferencedocument", plan)
    try:
        document_set_status(document=plan, user=request.user, status=request.POST.get("status", ""))
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(plan)


def _by_group(mandates: list[Mandate]) -> list[dict]:
    sections: dict = {}
    for mandate in mandates:
        key = mandate.group_id or 0
        if key not in sections:
            title = str(mandate.group) if mandate.group else _("Actions of the network (RIAL)")
            sections[key] = {"group": mandate.group, "title": title, "mandates": []}
        sections[key]["mandates"].append(mandate)
    return list(sections.values())


def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(WorkingGroup.objects.select_related("conference", "chair")
                              .prefetch_related("vice_chairs"), pk=pk)
    mandates = list(mandate_rows(request.user, group.mandates.visible_to(request.user).top_level().select_related("plan")
                                 .order_by("plan__language", "position")))
    done = sum(1 for mandate in mandates if mandate.status == Mandate.Status.DONE)
    average = round(sum(mandate.progress for mandate in mandates) / len(mandates)) if mandates else 0
    return render(request, "conference/group_detail.html", {
        "group": group, "mandates": mandates, "done": done, "average": average,
        "can_follow_up": request.user.has_perm("conference.follow_up_mandate", group),
    })


def mandate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.active().select_related("plan__conference", "group", "parent"),
                                pk=pk)
    authorize_unpublished(request.user, "conference.view_plan", mandate)
    may_write = request.user.has_perm("conference.follow_up_mandate", mandate)
    reports = ProgressReport.objects.active().filter(mandate=mandate).select_related("institution")
    return render(request, "conference/mandate_detail.html", {
        "mandate": mandate,
        "items": mandate.items.active().order_by("position"),
        "evidence": visible_evidence(request.user).filter(mandate=mandate),
        "reports": reports,
        "may_write": may_write,
        "may_edit": request.user.has_perm("conference.change_mandate", mandate),
        "follow_up_form": FollowUpForm(initial={"status": mandate.status, "progress": mandate.progress,
                                                "notes": mandate.notes}) if may_write else None,
        "report_form": ProgressReportForm() if may_write else None,
        "evidence_form": EvidenceForm() if may_write else None,
    })


def _post_form(request: HttpRequest, mandate: Mandate, form, save) -> None:
    """Validate ``form``, call ``save`` (a service); on any refusal say why and save nothing."""
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: %(errors)s") % {
            "errors": "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields
                                else " ".join(errors) for name, errors in form.errors.items())})
        return
    try:
        save(form.cleaned_data)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("Saved."))


@login_required
def mandate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The Secretariat corrects what the import suggested: group, topics, responsible institutions, due date."""
    mandate = get_object_or_404(Mandate.objects.active().select_related("plan__conference"), pk=pk)
    authorize(request.user, "conference.change_mandate", mandate)
    form = MandateEditForm(request.POST or None, instance=mandate)
    if request.method == "POST" and form.is_valid():
        try:
            mandate = services.mandate_edit(
                mandate=mandate, user=request.user,
                data={name: form.cleaned_data[name] for name in ("group", "due_date", "due_text")},
                topics=form.cleaned_data["topics"],
                responsible_institutions=form.cleaned_data["responsible_institutions"])
        except ValidationError as error:
            add_service_error(form, error)
            return render(request, "conference/mandate_edit.html", {"mandate": mandate, "form": form})
        messages.success(request, _("Saved."))
        return redirect(mandate)
    return render(request, "conference/mandate_edit.html", {"mandate": mandate, "form": form})


@login_required
@require_POST
def mandate_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.active(), pk=pk)
    authorize(request.user, "conference.follow_up_mandate", mandate)
    _post_form(request, mandate, FollowUpForm(request.POST), lambda data: services.mandate_follow_up(
        mandate=mandate, user=request.user, status=data["status"], progress=data["progress"], notes=data["notes"]))
    return redirect(mandate)


@login_required
@require_POST
def mandate_report_add(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.active(), pk=pk)
    authorize(request.user, "conference.add_progressreport", mandate)
    _post_form(request, mandate, ProgressReportForm(request.POST), lambda data: progress_report_add(
        mandate=mandate, user=request.user, date=data["date"], text=data["text"], progress=data["progress"]))
    return redirect(mandate)


@login_required
@require_POST
def mandate_evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.active(), pk=pk)
    authorize(request.user, "conference.add_evidence", mandate)
    _post_form(request, mandate, EvidenceForm(request.POST), lambda data: evidence_add(
        mandates=[mandate], user=request.user, url=data["url"], description=data["description"],
        visibility=data["visibility"]))
    return redirect(mandate)


@login_required
def plan_upload(request: HttpRequest) -> HttpResponse:
    """Step 1: upload a file. It is stored and read by a background task (``tasks.parse_plan_upload``);
    the browser goes to the upload's page, which shows the reading's progress and then the preview."""
    authorize(request.user, "conference.import_plan")
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_size(upload)  # the platform's one upload limit, before the file is read
            check_archive(upload)  # a Word file that would expand beyond bounds is not even stored
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(_queue_upload(request, upload))
    # A plan's page links here to add a language version of it ("?version_of=<id>").
    asked = request.GET.get("version_of", "")
    version_of = ConferenceDocument.objects.active().filter(
        kind=ConferenceDocument.Kind.PLAN_OF_ACTION, original__isnull=True, pk=int(asked)).first() if asked.isdigit() else None
    return render(request, "conference/plan_upload.html", {"form": form, "version_of": version_of})


def _queue_upload(request: HttpRequest, upload) -> PlanUpload:
    # The file waits in private storage until the plan is saved; the task and the preview name it.
    stored = private_storage.save(f"conference/uploads/{Path(upload.name).name}", upload)
    with transaction.atomic():
        plan_upload_record = PlanUpload.objects.create(
            uploaded_by=request.user, stored_name=stored, original_name=Path(upload.name).name[:255],
            language=translation.get_language() or "en")
        # Queued in the same transaction as the row (database queue): the worker never sees one without the other.
        parse_plan_upload.enqueue(plan_upload_record.pk)
    return plan_upload_record


@login_required
def plan_import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2: the upload's reading — waiting, being read (the page reloads itself), failed with the
    reason, or the preview of the plan as an editable form."""
    authorize(request.user, "conference.import_plan")
    upload = get_object_or_404(PlanUpload, pk=pk, uploaded_by=request.user)
    if upload.status == PlanUpload.Status.READY:
        parsed = ParsedPlan.from_dict(upload.parsed)
        payload = signing.dumps(upload.parsed, salt=IMPORT_SALT, compress=True)
        return render(request, "conference/plan_preview.html", _preview_context(
            PlanCorrectionForm(parsed), parsed, payload, signing.dumps(upload.stored_name, salt=FILE_SALT)))
    if upload.status == PlanUpload.Status.FAILED or (
            upload.status == PlanUpload.Status.PARSING and upload.started_at < stalled_before()):
        return render(request, "conference/plan_upload.html", {
            "form": PlanUploadForm(), "failed": upload,
            "failure": upload.message or _("Reading the file was interrupted: upload it again.")})
    return render(request, "conference/plan_import_status.html", {
        "upload": upload, "refresh_seconds": STATUS_REFRESH_SECONDS})


def _preview_context(form: PlanCorrectionForm, parsed: ParsedPlan, payload: str, file_token: str) -> dict:
    """The preview: the warnings in the reader's language, and the plan this text becomes a version of."""
    principal = None
    number = (form["conference_number"].value() or "").strip().upper()
    language = form["language"].value() or parsed.language
    if number:
        principal = (ConferenceDocument.objects.active()
                     .filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION, original__isnull=True,
                             conference__number=_roman_or_zero(number))
                     .exclude(language=language).annotate(mandate_count=Count("mandates")).first())
    return {"form": form, "parsed": parsed, "payload": payload, "file_token": file_token,
            "warnings": [uploads.translated_warning(warning) for warning in parsed.warnings],
            "version_of": principal}


def _roman_or_zero(number: str) -> int:
    try:
        return from_roman(number)
    except ValueError:
        return 0


@login_required
@require_POST
def plan_import_save(request: HttpRequest) -> HttpResponse:
    """Step 3: save the corrected plan."""
    authorize(request.user, "conference.import_plan")
    try:
        parsed = ParsedPlan.from_dict(
            signing.loads(request.POST.get("payload", ""), salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE))
    except signing.BadSignature:
        messages.error(request, _("The preview has expired or was altered: upload the file again."))
        return redirect("conference:import")
    form = PlanCorrectionForm(parsed, request.POST)
    stored = _staged_file(request.POST.get("file_token", ""))
    if form.is_valid():
        try:
            outcome = plan_import(parsed=form.corrected(), user=request.user, file=stored)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if outcome.unchanged:
                messages.success(request, _("This plan was already imported: nothing changed."))
            else:
                messages.success(request, _("The plan was saved: %(created)s mandates created, %(updated)s updated, "
                                            "%(archived)s archived.") % {
                    "created": outcome.created, "updated": outcome.updated, "archived": outcome.archived})
            return redirect(outcome.document)
    return render(request, "conference/plan_preview.html", _preview_context(
        form, parsed, request.POST["payload"], request.POST.get("file_token", "")))


def _staged_file(token: str) -> str | None:
    """The stored upload named by a signed token from the preview, if it is still there."""
    try:
        name = signing.loads(token, salt=FILE_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        return None
    return name if private_storage.exists(name) else None


# --- Document files and Declarations ------------------------------------------------------------------------


def _may_download(user, document: ConferenceDocument) -> bool:
    return bool(document.file) and (document.is_public or user.has_perm("conference.view_conferencedocument", document)
                                    or (document.is_draft_plan and document.is_visible_to(user)))


def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A Declaration's or a plan's file: public once adopted; a draft plan's for the network's participants;
    draft Declarations and archived texts for the Secretariat."""
    document = get_object_or_404(ConferenceDocument, pk=pk)
    if not document.is_public:
        # A draft plan's file is its participants' text to negotiate; anything else unpublished the Secretariat's.
        perm = "conference.view_plan" if document.is_draft_plan and not document.is_archived \
            else "conference.view_conferencedocument"
        authorize_unpublished(request.user, perm, document)
    return file_response(document.file)


def declaration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = get_object_or_404(ConferenceDocument.objects.select_related("conference", "original")
                                    .filter(kind=ConferenceDocument.Kind.DECLARATION), pk=pk)
    if not declaration.is_public:
        authorize_unpublished(request.user, "conference.view_conferencedocument", declaration)
    principal = declaration.original or declaration
    versions = [version for version in
                ConferenceDocument.objects.active().filter(Q(pk=principal.pk) | Q(original=principal))
                .exclude(pk=declaration.pk).order_by("language")
                if version.is_public or request.user.has_perm("conference.view_conferencedocument", version)]
    can_change = request.user.has_perm("conference.change_conferencedocument", declaration)
    next_statuses = [(value, ConferenceDocument.Status(value).label) for value in DOCUMENT.targets(declaration.status)]
    return render(request, "conference/declaration_detail.html", {
        "declaration": declaration, "versions": versions, "can_change": can_change,
        "can_download": _may_download(request.user, declaration),
        "next_statuses": next_statuses if can_change else [],
    })


@login_required
def declaration_create(request: HttpRequest, number: int) -> HttpResponse:
    conference = get_object_or_404(Conference, number=number)
    authorize(request.user, "conference.add_conferencedocument")
    return _declaration_form(request, ConferenceDocument(conference=conference,
                                                         kind=ConferenceDocument.Kind.DECLARATION))


@login_required
def declaration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = get_object_or_404(ConferenceDocument.objects.select_related("conference")
                                    .filter(kind=ConferenceDocument.Kind.DECLARATION), pk=pk)
    if not declaration.is_public:
        authorize_unpublished(request.user, "conference.view_conferencedocument", declaration)
    authorize(request.user, "conference.change_conferencedocument", declaration)
    return _declaration_form(request, declaration)


def _declaration_form(request: HttpRequest, declaration: ConferenceDocument) -> HttpResponse:
    form = DeclarationForm(request.POST or None, request.FILES or None, instance=declaration)
    if request.method == "POST" and form.is_valid():
        try:
            declaration_save(document=form.instance, user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The Declaration was saved."))
            return redirect(form.instance)
    return render(request, "conference/declaration_form.html", {"form": form, "declaration": declaration,
                                                                "conference": declaration.conference})
