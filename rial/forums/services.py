"""Writing in the forums: starting threads, replying, following, and the Secretariat's moderation.

Each function is keyword-only, checks the django-rules permission and its invariants before writing,
runs in one transaction and records who acted (``save_logged``, action codes ``forums.*``). Telling the
subscribers happens after the commit, in a task (``tasks.notify_new_post``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.accounts.roles import roles_for
from rial.core.audit import save_logged
from rial.core.languages import supported
from rial.core.workflow import Move, Workflow
from rial.directory.models import Institution
from rial.directory.recipients import recipient_for_user
from rial.forums import actions
from rial.forums.markup import render_markdown
from rial.forums.models import (
    MAX_POST_CHARS,
    MAX_REASON_CHARS,
    MAX_TITLE_CHARS,
    Forum,
    ModerationAction,
    Post,
    Subscription,
    Thread,
)
from rial.forums.tasks import notify_new_post
from rial.notifications.services import notify

THREAD_LOCK = Workflow(field="status", states=Thread.Status, moves={
    "lock": Move({Thread.Status.OPEN}, Thread.Status.LOCKED, gettext_lazy("lock"), "forums.moderate"),
    "unlock": Move({Thread.Status.LOCKED}, Thread.Status.OPEN, gettext_lazy("unlock"), "forums.moderate"),
})
THREAD_VISIBILITY = Workflow(field="visibility", states=Thread.Visibility, moves={
    "hide": Move({Thread.Visibility.VISIBLE}, Thread.Visibility.HIDDEN, gettext_lazy("hide"), "forums.moderate"),
    "show": Move({Thread.Visibility.HIDDEN}, Thread.Visibility.VISIBLE, gettext_lazy("show again"), "forums.moderate"),
})
POST_VISIBILITY = Workflow(field="visibility", states=Post.Visibility, moves={
    "hide": Move({Post.Visibility.VISIBLE}, Post.Visibility.HIDDEN, gettext_lazy("hide"), "forums.moderate"),
    "show": Move({Post.Visibility.HIDDEN}, Post.Visibility.VISIBLE, gettext_lazy("show again"), "forums.moderate"),
})


# --- Writing ------------------------------------------------------------------------------------------

def clean_body(body: str) -> str:
    """The post's text, or a refusal that says what to change (nothing is saved)."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write something before sending the post.")})
    if len(body) > MAX_POST_CHARS:
        raise ValidationError({"body": _(
            "A post can be at most %(max)s characters long and this one has %(length)s. Nothing was saved: "
            "shorten it or split it into several posts.") % {"max": number_format(MAX_POST_CHARS, force_grouping=True),
                  "length": number_format(len(body), force_grouping=True)}})
    return body


def clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give the thread a title.")})
    if len(title) > MAX_TITLE_CHARS:
        raise ValidationError({"title": _("A title can be at most %(max)s characters long.") % {"max": MAX_TITLE_CHARS}})
    return title


def _all_or_refuse(*checks):
    """Run every check and refuse once with all their messages (so a form shows every problem at once)."""
    results, errors = [], {}
    for check in checks:
        try:
            results.append(check())
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return results


def author_institution(user) -> Institution | None:
    """The institution a post is written for: the author's ministry first, else their other institution."""
    roles = roles_for(user)
    ids = roles.focal_point_for | roles.member_of or roles.institution_ids
    institutions = Institution.objects.filter(pk__in=ids) if ids else Institution.objects.none()
    if not ids and roles.is_secretariat:
        institutions = Institution.objects.filter(kind=Institution.Kind.SECRETARIAT)
    return institutions.order_by("name").first()


def _write_post(*, thread: Thread, user, body: str, reply_to: Post | None) -> Post:
    """Add a post at the end of ``thread`` (locked by the caller) and follow the thread for its author."""
    post = Post(thread=thread, number=thread.post_count + 1, author=user, institution=author_institution(user),
                reply_to=reply_to, body=body, body_html=render_markdown(body),
                language=supported(translation.get_language()) or "en", is_demo=thread.is_demo)
    save_logged(post, user=user, action=actions.POST_CREATED)
    # The counters are not history (the post is) and must not make search re-read the whole thread: an
    # update, not a save.
    thread.post_count, thread.last_post_at = post.number, post.created_at
    Thread.objects.filter(pk=thread.pk).update(post_count=thread.post_count, last_post_at=thread.last_post_at)
    subscription, _created = Subscription.objects.get_or_create(user=user, thread=thread)
    subscription.seen_up_to = post.number
    subscription.save(update_fields=["seen_up_to"])
    transaction.on_commit(lambda: notify_new_post.enqueue(post.pk))
    return post


def thread_start(*, forum: Forum, user, title: str, body: str, is_demo: bool = False) -> Thread:
    """Open a thread in ``forum`` with its first post; the author follows it."""
    if not user.has_perm("forums.start_thread", forum):
        raise PermissionDenied
    title, body = _all_or_refuse(lambda: clean_title(title), lambda: clean_body(body))
    with transaction.atomic():
        thread = Thread(forum=forum, title=title, author=user, is_demo=is_demo or forum.is_demo)
        save_logged(thread, user=user, action=actions.THREAD_STARTED)
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        _write_post(thread=thread, user=user, body=body, reply_to=None)
    return thread


def post_reply(*, thread: Thread, user, body: str, reply_to: Post | None = None) -> Post:
    """Add a reply at the end of ``thread`` (optionally answering one of its posts)."""
    if not user.has_perm("forums.reply", thread):
        raise PermissionDenied
    body = clean_body(body)
    if reply_to is not None and reply_to.thread_id != thread.pk:
        raise ValidationError(_("You can only reply to a post of this thread."))
    with transaction.atomic():
        # The lock orders concurrent replies: each gets the next number.
        thread = Thread.objects.select_for_update(of=("self",)).select_related("forum").get(pk=thread.pk)
        if thread.is_hidden:
            raise ValidationError(_("This thread was hidden by the Secretariat: it takes no replies."))
        if thread.is_locked:
            raise ValidationError(_("This thread is locked by the Secretariat: it takes no new posts."))
        return _write_post(thread=thread, user=user, body=body, reply_to=reply_to)


# --- Following ----------------------------------------------------------------------------------------

def follow(*, user, forum: Forum | None = None, thread: Thread | None = None) -> Subscription:
    """Follow a thread or a whole forum (again: nothing changes)."""
    if (forum is None) == (thread is None):
        raise ValueError("follow a forum or a thread")
    if not user.has_perm("forums.follow", thread or forum):
        raise PermissionDenied
    try:
        with transaction.atomic():
            subscription, _created = Subscription.objects.get_or_create(
                user=user, forum=forum, thread=thread,
                defaults={"seen_up_to": thread.post_count if thread is not None else 0})
    except IntegrityError:  # followed in another request at the same moment
        subscription = Subscription.objects.get(user=user, forum=forum, thread=thread)
    return subscription


def unfollow(*, user, forum: Forum | None = None, thread: Thread | None = None) -> bool:
    """Stop following; returns whether there was a subscription."""
    if (forum is None) == (thread is None):
        raise ValueError("unfollow a forum or a thread")
    deleted, _details = Subscription.objects.filter(user=user, forum=forum, thread=thread).delete()
    return bool(deleted)


def thread_mark_read(*, thread: Thread, user) -> None:
    """Every post of the thread so far counts as read (the desk stops listing it)."""
    Subscription.objects.filter(user=user, thread=thread, seen_up_to__lt=thread.post_count).update(
        seen_up_to=thread.post_count)


# --- Moderation ---------------------------------------------------------------------------------------

def clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why: the author will read the reason.")})
    if len(reason) > MAX_REASON_CHARS:
        raise ValidationError({"reason": _("A reason can be at most %(max)s characters long.") % {
            "max": MAX_REASON_CHARS}})
    return reason


def _record(*, action: str, thread: Thread, user, reason: str, post: Post | None = None,
            from_forum: Forum | None = None, to_forum: Forum | None = None) -> ModerationAction:
    record = ModerationAction.objects.create(action=action, thread=thread, post=post, reason=reason, moderator=user,
                                             from_forum=from_forum, to_forum=to_forum)
    author = post.author if post is not None else thread.author
    recipient = recipient_for_user(author)
    if recipient is not None and author.pk != user.pk:
        notify(kind="forums.moderation", key=f"forums.moderation:{record.pk}", recipients=[recipient],
               template="forums/email/moderated", context={"action": record, "thread": thread, "post": post},
               target=post or thread)
    return record


THREAD_ACTIONS = {"lock": actions.THREAD_LOCKED, "unlock": actions.THREAD_UNLOCKED, "hide": actions.THREAD_HIDDEN,
                  "show": actions.THREAD_SHOWN}
POST_ACTIONS = {"hide": actions.POST_HIDDEN, "show": actions.POST_SHOWN}


def _moderate_thread(*, thread: Thread, user, reason: str, workflow: Workflow, move: str, action: str) -> Thread:
    reason = clean_reason(reason)
    with transaction.atomic():
        thread = Thread.objects.select_for_update(of=("self",)).select_related("forum", "author").get(pk=thread.pk)
        workflow.move(thread, move, user=user)
        save_logged(thread, user=user, action=THREAD_ACTIONS[action])
        _record(action=f"{action}_thread", thread=thread, user=user, reason=reason)
    return thread


def thread_lock(*, thread: Thread, user, reason: str) -> Thread:
    return _moderate_thread(thread=thread, user=user, reason=reason, workflow=THREAD_LOCK, move="lock", action="lock")


def thread_unlock(*, thread: Thread, user, reason: str) -> Thread:
    return _moderate_thread(thread=thread, user=user, reason=reason, workflow=THREAD_LOCK, move="unlock",
                            action="unlock")


def thread_hide(*, thread: Thread, user, reason: str) -> Thread:
    return _moderate_thread(thread=thread, user=user, reason=reason, workflow=THREAD_VISIBILITY, move="hide",
                            action="hide")


def thread_show(*, thread: Thread, user, reason: str) -> Thread:
    return _moderate_thread(thread=thread, user=user, reason=reason, workflow=THREAD_VISIBILITY, move="show",
                            action="show")


def thread_move(*, thread: Thread, to_forum: Forum, user, reason: str) -> Thread:
    """Move a thread (with its posts and followers) to another forum."""
    if not user.has_perm("forums.moderate", thread):
        raise PermissionDenied
    reason = clean_reason(reason)
    with transaction.atomic():
        thread = Thread.objects.select_for_update(of=("self",)).select_related("forum", "author").get(pk=thread.pk)
        if to_forum.pk == thread.forum_id:
            raise ValidationError({"to_forum": _("The thread is already in this forum.")})
        if to_forum.is_archived:
            raise ValidationError({"to_forum": _("This forum is archived: choose another one.")})
        from_forum = thread.forum
        thread.forum = to_forum
        save_logged(thread, user=user, action=actions.THREAD_MOVED)
        _record(action=ModerationAction.Action.MOVE_THREAD, thread=thread, user=user, reason=reason,
                from_forum=from_forum, to_forum=to_forum)
    return thread


def _moderate_post(*, post: Post, user, reason: str, move: str, action: str) -> Post:
    reason = clean_reason(reason)
    with transaction.atomic():
        post = Post.objects.select_for_update(of=("self",)).select_related("thread__forum", "author").get(pk=post.pk)
        POST_VISIBILITY.move(post, move, user=user)
        save_logged(post, user=user, action=POST_ACTIONS[action])
        _record(action=f"{action}_post", thread=post.thread, post=post, user=user, reason=reason)
    return post


def post_hide(*, post: Post, user, reason: str) -> Post:
    return _moderate_post(post=post, user=user, reason=reason, move="hide", action="hide")


def post_show(*, post: Post, user, reason: str) -> Post:
    return _moderate_post(post=post, user=user, reason=reason, move="show", action="show")
