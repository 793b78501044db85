from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.conference.models import Mandate
from rial.core import derived
from rial.core.files import max_upload_bytes
from rial.core.forms import add_service_error, add_service_message
from rial.core.pagination import Paginator
from rial.core.permissions import authorize, authorize_unpublished
from rial.core.storage import file_response
from rial.library import services
from rial.library.forms import DocumentFilterForm, DocumentForm, ReturnForm, UploadForm
from rial.library.models import Document, DocumentFile
from rial.library.queries import filter_documents

PAGE_SIZE = 25


def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {
        name: value for name, value in getattr(form, "cleaned_data", {}).items() if name not in form.errors}
    documents = filter_documents(Document.objects.published(), cleaned).with_files().order_by("-date", "-pk")
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "library/document_list.html", {
        "form": form, "filters": derived.form_html("library-filters", form, "library/includes/filters.html"),
        "page": page, "rows": derived.rows_html("library-rows", page, "library/includes/document_cards.html"),
        "query": query.urlencode(),
        "can_add": request.user.has_perm("library.add_document"),
        "can_review": request.user.has_perm("library.review_document"),
    })


def _document_for_reader(request: HttpRequest, pk: int) -> Document:
    document = get_object_or_404(Document.objects.for_list().select_related("owner_institution").prefetch_related(
        "related_programs",
        # A draft Plan of Action's mandates are for the network's participants (404 for anyone else).
        Prefetch("related_mandates", queryset=Mandate.objects.visible_to(request.user))), pk=pk)
    if not document.is_published:
        authorize_unpublished(request.user, "library.view_document", document)
    return document


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_reader(request, pk)
    return render(request, "library/document_detail.html", {
        "document": document,
        "programs": [program for program in document.related_programs.all()
                     if program.is_published and not program.is_archived],
        "mandates": list(document.related_mandates.all()),
        "can_edit": request.user.has_perm("library.change_document", document),
        "can_publish": request.user.has_perm("library.publish_document", document),
        "can_submit": request.user.has_perm("library.submit_document", document),
        "can_return": (document.status == Document.Status.SUBMITTED
                       and request.user.has_perm("library.review_document", document)),
        "transitions": (document.transitions.select_related("user")
                        if request.user.has_perm("library.view_document", document) else None),
        "return_form": ReturnForm(),
        "upload_form": UploadForm(),
        "max_bytes": max_upload_bytes(),
    })


def file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    document_file = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk)
    if not document_file.document.is_published:
        # Unpublished documents are not downloadable by the public: same rule (and answer) as the page.
        authorize_unpublished(request.user, "library.view_document", document_file.document)
    return file_response(document_file.file, document_file.original_name)


def _document_to_change(request, pk: int) -> Document:
    """404 for whoever may not see the unpublished document, 403 for a reader who may not change it."""
    document = get_object_or_404(Document, pk=pk)
    if not document.is_published:
        authorize_unpublished(request.user, "library.view_document", document)
    authorize(request.user, "library.change_document", document)
    return document


@login_required
def document_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    document = _document_to_change(request, pk) if pk else None
    if document is None:
        authorize(request.user, "library.add_document")
    initial = None
    roles = roles_for(request.user)
    if document is None and not roles.is_secretariat:
        # The institution that submits the document is, unless they say otherwise, the one that wrote it.
        initial = {"institutions": sorted(roles.speaks_for)}
    form = DocumentForm(request.POST or None, instance=document, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                document = services.document_save(user=request.user, data=form.model_data(),
                                                   relations=form.relations(), document=document)
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The document was saved."))
                return redirect(document)
        if document is not None:
            document.refresh_from_db()
    return render(request, "library/document_form.html", {"form": form, "document": document})


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_to_change(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add_file(document=document, user=request.user, upload=form.cleaned_data["file"],
                                       language=form.cleaned_data["language"])
        except ValidationError as exc:
            add_service_message(request, exc)
        else:
            messages.success(request, _("The file was kept; its text is being read in the background."))
    else:
        messages.error(request, _("Choose a file and its language."))
    return redirect(document)


def _publishing(request: HttpRequest, pk: int, function, success: str, **kwargs) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    # Someone who may not see an unpublished document is told it does not exist, on every path.
    if not document.is_published:
        authorize_unpublished(request.user, "library.view_document", document)
    try:
        function(document=document, user=request.user, **kwargs)
    except ValidationError as exc:
        add_service_message(request, exc)
    else:
        messages.success(request, success)
    return redirect(document)


@login_required
@require_POST
def document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publishing(request, pk, services.document_publish, _("The document was published."))


@login_required
@require_POST
def document_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _publishing(request, pk, services.document_submit,
                       _("The document was submitted: the Technical Secretariat will review it."))


@login_required
@require_POST
def document_return(request: HttpRequest, pk: int) -> HttpResponse:
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _publishing(request, pk, services.document_return,
                       _("The document was returned to its submitter with your comments."), comment=comment)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """The Secretariat's queue: what institutions submitted (oldest first) and what waits for them."""
    authorize(request.user, "library.review_document")
    documents = Document.objects.active().select_related("owner_institution__country")
    submitted = documents.filter(status=Document.Status.SUBMITTED).annotate(
        submitted_at=Max("transitions__at", filter=Q(transitions__action="submit"))).order_by("submitted_at", "pk")
    returned = documents.filter(status=Document.Status.RETURNED).annotate(
        returned_at=Max("transitions__at", filter=Q(transitions__action="return"))).order_by("-returned_at", "pk")
    return render(request, "library/review_queue.html", {"submitted": submitted, "returned": returned})


@login_required
@require_POST
def document_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publishing(request, pk, services.document_unpublish, _("The document was withdrawn from the public."))
