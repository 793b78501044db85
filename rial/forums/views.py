"""The forum pages: forums, threads, replies with quoting, following, and the Secretariat's moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.core.forms import add_service_error
from rial.core.pagination import Paginator
from rial.core.permissions import authorize
from rial.forums import services
from rial.forums.forms import ReasonForm, ReplyForm, ThreadForm, ThreadModerationForm
from rial.forums.markup import quote
from rial.forums.models import (
    MAX_POST_CHARS,
    POSTS_PER_PAGE,
    THREADS_PER_PAGE,
    Forum,
    ModerationAction,
    Post,
    Subscription,
    Thread,
)


def _forum(slug: str) -> Forum:
    return get_object_or_404(Forum.objects.active().select_related("topic", "working_group__conference"), slug=slug)


def _thread(pk: int) -> Thread:
    return get_object_or_404(Thread.objects.select_related("forum", "author"), pk=pk, forum__archived_at__isnull=True)


def _author_name(user) -> str:
    return user.get_full_name() or user.username


def _drop_overlong_body(form) -> None:
    """A refused post longer than the limit is not sent back in the page (a scripted client's megabytes);
    the errors are already on the form."""
    if len(form.data.get("body", "")) > MAX_POST_CHARS:
        form.data = form.data.copy()
        form.data["body"] = ""


def forum_list(request: HttpRequest) -> HttpResponse:
    visible = Q(threads__visibility=Thread.Visibility.VISIBLE)
    forums = (Forum.objects.visible_to(request.user).select_related("topic", "working_group__conference")
              .annotate(thread_count=Count("threads", filter=visible), last_post_at=Max("threads__last_post_at",
                                                                                         filter=visible)))
    return render(request, "forums/forum_list.html", {
        "forums": forums,
        "sees_draft_forums": request.user.has_perm("meetings.take_part_in_forum"),
    })


def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum(slug)
    authorize(request.user, "forums.view_forum_page", forum)
    threads = forum.threads.shown_to(request.user).select_related("author")
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    following = (request.user.is_authenticated
                 and Subscription.objects.filter(user=request.user, forum=forum).exists())
    return render(request, "forums/forum_detail.html", {
        "forum": forum, "page": page, "following": following,
        "can_start": request.user.has_perm("forums.start_thread", forum),
        "can_follow": request.user.has_perm("forums.follow", forum),
    })


@login_required
def thread_add(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum(slug)
    authorize(request.user, "forums.start_thread", forum)
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                thread = services.thread_start(forum=forum, user=request.user, title=form.cleaned_data["title"],
                                               body=request.POST.get("body", ""))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your thread was published. You follow it: replies reach you by email."))
                return redirect(thread)
        _drop_overlong_body(form)
    return render(request, "forums/thread_form.html", {"forum": forum, "form": form})


def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread(pk)
    authorize(request.user, "forums.view_thread_page", thread)
    posts = (Post.objects.filter(thread=thread).order_by("number")
             .select_related("author", "institution", "reply_to__author")
             .prefetch_related(Prefetch("moderation_actions", to_attr="moderation",
                                        queryset=ModerationAction.objects.filter(post__isnull=False))))
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for post in page.object_list:  # their links name the thread: it is this one, no query per post
        post.thread = thread
        if post.reply_to is not None:
            post.reply_to.thread = thread
    subscription = (Subscription.objects.filter(user=request.user, thread=thread).first()
                    if request.user.is_authenticated else None)
    can_reply = request.user.has_perm("forums.reply", thread) and not thread.is_locked and not thread.is_hidden
    return render(request, "forums/thread_detail.html", {
        "thread": thread, "forum": thread.forum, "page": page, "subscription": subscription,
        "thread_moderation": list(thread.moderation_actions.filter(post__isnull=True)
                                  .select_related("from_forum", "to_forum")[:20]),
        "can_reply": can_reply,
        "can_follow": request.user.has_perm("forums.follow", thread),
        "can_moderate": request.user.has_perm("forums.moderate", thread),
        "reply_form": ReplyForm() if can_reply else None,
        "seen_up_to": subscription.seen_up_to if subscription else None,
    })


@login_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread(pk)
    authorize(request.user, "forums.reply", thread)
    if request.method == "POST":
        form = ReplyForm(request.POST)
        reply_to = None
        if form.is_valid():
            if form.cleaned_data["reply_to"]:
                reply_to = Post.objects.filter(pk=form.cleaned_data["reply_to"], thread=thread).first()
            try:
                post = services.post_reply(thread=thread, user=request.user, body=request.POST.get("body", ""),
                                           reply_to=reply_to)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your reply was published."))
                return redirect(post)
        _drop_overlong_body(form)
    else:
        answered = Post.objects.filter(thread=thread, pk=request.GET.get("to") or 0,
                                       visibility=Post.Visibility.VISIBLE).select_related("author").first()
        initial = {}
        if answered is not None:
            initial["reply_to"] = answered.pk
            if request.GET.get("quote"):
                initial["body"] = quote(answered.body, _author_name(answered.author))
        form = ReplyForm(initial=initial)
        reply_to = answered
    return render(request, "forums/reply_form.html", {"thread": thread, "forum": thread.forum, "form": form,
                                                      "reply_to": reply_to})


@login_required
@require_POST
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread(pk)
    authorize(request.user, "forums.follow", thread)
    if request.POST.get("follow") == "0":
        services.unfollow(user=request.user, thread=thread)
        messages.success(request, _("You no longer follow this thread."))
    else:
        services.follow(user=request.user, thread=thread)
        messages.success(request, _("You follow this thread: new posts reach you by email, at most once an hour."))
    return redirect(thread)


@login_required
@require_POST
def forum_follow(request: HttpRequest, slug: str) -> HttpResponse:
    forum = _forum(slug)
    authorize(request.user, "forums.follow", forum)
    if request.POST.get("follow") == "0":
        services.unfollow(user=request.user, forum=forum)
        messages.success(request, _("You no longer follow this forum."))
    else:
        services.follow(user=request.user, forum=forum)
        messages.success(request, _("You follow this forum: new posts reach you by email, at most once an hour."))
    return redirect(forum)


@login_required
@require_POST
def thread_mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread(pk)
    authorize(request.user, "forums.view_thread_page", thread)
    services.thread_mark_read(thread=thread, user=request.user)
    messages.success(request, _("Every post of this thread is marked as read."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(next_url)
    return redirect(thread)


THREAD_MODERATIONS = {
    "lock": services.thread_lock, "unlock": services.thread_unlock,
    "hide": services.thread_hide, "show": services.thread_show,
}


@login_required
def thread_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread(pk)
    authorize(request.user, "forums.moderate", thread)
    form = ThreadModerationForm(request.POST or None)
    form.fields["to_forum"].queryset = Forum.objects.active().exclude(pk=thread.forum_id)
    if request.method == "POST" and form.is_valid():
        action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        try:
            if action == "move":
                services.thread_move(thread=thread, to_forum=form.cleaned_data["to_forum"], user=request.user,
                                     reason=reason)
            else:
                THREAD_MODERATIONS[action](thread=thread, user=request.user, reason=reason)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Done. The author was told, with your reason."))
            return redirect(thread)
    return render(request, "forums/moderate_thread.html", {"thread": thread, "forum": thread.forum, "form": form})


@login_required
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread__forum", "author"), pk=pk)
    authorize(request.user, "forums.moderate", post)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderate = services.post_show if post.is_hidden else services.post_hide
        try:
            post = moderate(post=post, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Done. The author was told, with your reason."))
            return redirect(post)
    return render(request, "forums/moderate_post.html", {"post": post, "thread": post.thread,
                                                         "forum": post.thread.forum, "form": form})
