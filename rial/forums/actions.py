"""The action codes of forums: what each audited write is called in the history (rial.core.audit)."""

from django.utils.translation import gettext_lazy as _

from rial.core.audit import declare_actions

POST_CREATED = "forums.post.created"
POST_HIDDEN = "forums.post.hide"
POST_SHOWN = "forums.post.show"
THREAD_STARTED = "forums.thread.started"
THREAD_LOCKED = "forums.thread.lock"
THREAD_UNLOCKED = "forums.thread.unlock"
THREAD_HIDDEN = "forums.thread.hide"
THREAD_SHOWN = "forums.thread.show"
THREAD_MOVED = "forums.thread.moved"

ACTIONS = declare_actions({
    POST_CREATED: _("post written"),
    POST_HIDDEN: _("post hidden by a moderator"),
    POST_SHOWN: _("post shown again by a moderator"),
    THREAD_STARTED: _("thread started"),
    THREAD_LOCKED: _("thread locked"),
    THREAD_UNLOCKED: _("thread unlocked"),
    THREAD_HIDDEN: _("thread hidden by a moderator"),
    THREAD_SHOWN: _("thread shown again by a moderator"),
    THREAD_MOVED: _("thread moved to another forum"),
})
