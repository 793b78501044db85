"""Forums, threads and posts for tests, written through the services like real ones."""

import itertools

from django.utils import timezone

from rial.forums.markup import render_markdown
from rial.forums.models import Forum, Post, Thread
from rial.forums.services import thread_start

_numbers = itertools.count(1)


def make_forum(**fields) -> Forum:
    number = next(_numbers)
    fields.setdefault("slug", f"forum-{number}")
    fields.setdefault("title", f"Forum {number}")
    return Forum.objects.create(**fields)


def make_thread(forum: Forum, user, *, title: str = "Inspection of platform work", body: str = "First post.") -> Thread:
    return thread_start(forum=forum, user=user, title=title, body=body)


def add_posts(thread: Thread, user, count: int) -> None:
    """Many replies to the opening post at once (bulk, for size and speed tests): the rows the service
    writes, without its checks."""
    thread.refresh_from_db()
    start, opening = thread.post_count, thread.posts.get(number=1)
    now = timezone.now()
    Post.objects.bulk_create(
        Post(thread=thread, number=start + index, author=user, reply_to=opening, body=f"Reply {start + index}",
             body_html=render_markdown(f"Reply **{start + index}**"), language="en")
        for index in range(1, count + 1))
    Thread.objects.filter(pk=thread.pk).update(post_count=start + count, last_post_at=now)
    thread.refresh_from_db()
