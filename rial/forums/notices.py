"""The kinds of notification the forums send (their senders live in ``services.py`` and ``tasks.py``)."""

from django.utils.translation import gettext_lazy as _

from rial.notifications.kinds import declare_kinds

KINDS = declare_kinds({
    "forums.post": _("Forums: new posts in what you follow"),
    "forums.moderation": _("Forums: a moderator's decision on your post"),
})
