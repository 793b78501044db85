"""Telling followers about new posts, off the request path (django-tasks)."""

import logging

from django.db.models import Q
from django_tasks import task

from rial.directory.recipients import recipient_for_user
from rial.forums.markup import plain_text
from rial.forums.models import Post, Subscription
from rial.notifications.services import notify

logger = logging.getLogger("rial.forums")
EXCERPT_CHARS = 400


@task()
def notify_new_post(post_id: int) -> int:
    """Tell everyone who follows the post's thread or forum, except its author, in the hourly batch.

    Each follower is checked again now (a restricted forum's member may have left it); the notification's
    key is the post, so running this twice tells nobody twice. Returns how many were told.
    """
    post = (Post.objects.select_related("thread__forum", "author", "institution")
            .filter(pk=post_id, visibility=Post.Visibility.VISIBLE).first())
    if post is None or post.thread.is_hidden:
        return 0
    thread = post.thread
    # Followers since before the post: who follows a thread later reads what was there already.
    followers = (Subscription.objects.filter(Q(thread=thread) | Q(forum=thread.forum_id),
                                             created_at__lte=post.created_at)
                 .exclude(user=post.author).select_related("user__person").order_by("user_id"))
    recipients, seen = [], set()
    for subscription in followers:
        user = subscription.user
        if user.pk in seen or not user.has_perm("forums.view_thread_page", thread):
            continue
        seen.add(user.pk)
        recipient = recipient_for_user(user)
        if recipient is not None:
            recipients.append(recipient)
    excerpt = plain_text(post.body_html)
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"
    created = notify(kind="forums.post", key=f"forums.post:{post.pk}", recipients=recipients,
                     template="forums/email/new_post", target=post, batched=True,
                     context={"post": post, "thread": thread, "forum": thread.forum, "excerpt": excerpt,
                              "author_name": post.author.get_full_name() or post.author.username})
    return len(created)
