"""What the forums add to other pages: a person's desk and the topic pages (see rial/directory/profile.py)."""

from django.db.models import F
from django.utils.translation import gettext as _

from rial.forums.models import Forum, Subscription, Thread
from rial.forums.rules import visible_forum_ids

DESK_LIMIT = 20


def desk_section(user) -> dict | None:
    """Threads the person follows that have posts they have not marked as read (at most 2 queries)."""
    if not user.is_authenticated:
        return None
    unread = (Subscription.objects.filter(user=user, thread__isnull=False, thread__post_count__gt=F("seen_up_to"),
                                          thread__visibility=Thread.Visibility.VISIBLE,
                                          thread__forum__in=visible_forum_ids(user))
              .select_related("thread__forum").order_by("-thread__last_post_at")[:DESK_LIMIT])
    threads = [{"thread": s.thread, "new": s.thread.post_count - s.seen_up_to,
                "url": s.thread.url_of_post(s.seen_up_to + 1)} for s in unread]
    if not threads:
        return None
    return {"title": _("Threads you follow with new posts"), "template": "forums/desk_section.html",
            "context": {"threads": threads}, "order": 40}


def topic_section(topic) -> dict | None:
    forums = list(Forum.objects.public().filter(topic=topic))
    if not forums:
        return None
    return {"title": _("Forums on this topic"), "template": "forums/section_topic.html",
            "context": {"forums": forums}, "order": 80}
