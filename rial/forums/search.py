"""Posts of the open forums in the one search box (the contract: rial/core/searchable.py).

Each visible post of a visible thread in an open forum is one entry, in the language it was written in.
Hiding a post or a thread, moving a thread to a restricted forum or restricting a forum removes them.
"""

from django.utils.translation import gettext_lazy as _

from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.forums.markup import plain_text
from rial.forums.models import Forum, Post, Thread


def _queryset(public_only: bool = True):
    posts = Post.objects.select_related("thread__forum__topic")
    if public_only:
        posts = posts.filter(visibility=Post.Visibility.VISIBLE, thread__in=Thread.objects.public())
    return posts.order_by("pk")


@register
class ForumPostSource(SearchSource):
    kinds = {"forum_post": _("Forum posts")}
    models = [Post]
    related = {
        Thread: lambda thread: _queryset(public_only=False).filter(thread=thread),
        Forum: lambda forum: _queryset(public_only=False).filter(thread__forum=forum),
    }

    def document(self, post: Post) -> SearchDocument | None:
        thread, forum = post.thread, post.thread.forum
        if post.is_hidden or thread.is_hidden or forum.is_restricted or forum.is_archived:
            return None
        return SearchDocument(
            kind="forum_post", key=str(post.pk), url=path_of(post), language=post.language,
            title=f"{thread.title} #{post.number}", body=plain_text(post.body_html),
            topics=(forum.topic.slug,) if forum.topic_id else (), year=post.created_at.year,
        )

    def documents(self):
        yield from self._documents(_queryset())

    def documents_mentioning(self, *, topic=None, country=None):
        """Posts of the open forums on ``topic`` (its labels are indexed with them); posts name no country."""
        if topic is not None:
            yield from self._documents(_queryset().filter(thread__forum__topic=topic))

    def _documents(self, posts):
        for post in posts.iterator(chunk_size=500):
            document = self.document(post)
            if document:
                yield document
