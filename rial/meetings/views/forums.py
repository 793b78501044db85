"""The restricted draft negotiation forum and the Secretariat's compilation of comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize
from rial.meetings.forms import ForumCommentForm, ForumForm
from rial.meetings.models import DraftForum, ForumComment, ForumParagraph
from rial.meetings.services import forum as forum_services
from rial.meetings.services.forum import commenting_institutions, forum_compilation_docx, forum_create


@login_required
def forum_list(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "meetings.take_part_in_forum")
    return render(request, "meetings/forum_list.html", {
        "forums": DraftForum.objects.select_related("draft"),
        "can_add": request.user.has_perm("meetings.add_draftforum")})


@login_required
def forum_add(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "meetings.add_draftforum")
    form = ForumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            forum = forum_create(forum=form.save(commit=False), text=form.cleaned_data["text"], user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The forum was created."))
            return redirect(forum)
    return render(request, "meetings/forum_form.html", {"form": form})


@login_required
def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    forum = get_object_or_404(DraftForum.objects.select_related("draft"), pk=pk)
    authorize(request.user, "meetings.take_part_in_forum", forum)
    paragraphs = forum.paragraphs.prefetch_related(
        Prefetch("comments", queryset=ForumComment.objects.select_related("institution")))
    institutions = commenting_institutions(request.user)
    return render(request, "meetings/forum_detail.html", {
        "forum": forum, "paragraphs": paragraphs, "institutions": institutions,
        "comment_form": ForumCommentForm(institutions=institutions) if forum.is_open and institutions else None,
        "can_compile": request.user.has_perm("meetings.compile_forum", forum),
    })


@login_required
@require_POST
def forum_comment(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    paragraph = get_object_or_404(ForumParagraph.objects.select_related("forum"), forum_id=pk, number=number)
    authorize(request.user, "meetings.take_part_in_forum", paragraph.forum)
    form = ForumCommentForm(request.POST, institutions=commenting_institutions(request.user))
    if form.is_valid():
        try:
            forum_services.forum_comment(paragraph=paragraph, institution=form.cleaned_data["institution"],
                          text=form.cleaned_data["text"], user=request.user)
        except ValidationError as error:
            add_service_message(request, error)
        else:
            messages.success(request, _("Your comment on paragraph %(number)s was recorded.") % {"number": number})
    else:
        messages.error(request, _("Nothing was saved: write a comment and say on whose behalf."))
    return redirect(f"{paragraph.forum.get_absolute_url()}#paragraph-{number}")


@login_required
def forum_compilation(request: HttpRequest, pk: int) -> HttpResponse:
    forum = get_object_or_404(DraftForum, pk=pk)
    authorize(request.user, "meetings.compile_forum", forum)
    try:
        content = forum_compilation_docx(forum=forum, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
        return redirect(forum)
    response = HttpResponse(content,
                            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["Content-Disposition"] = f'attachment; filename="comments-{slugify(forum.title)[:60] or forum.pk}.docx"'
    return response
