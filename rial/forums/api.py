"""The forums router of the REST API (mounted at /api/v1/ by rial/api.py): open forums, read-only.

Restricted forums, hidden threads and hidden posts are not in the API; writing happens on the pages.
"""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from rial.forums.models import Forum, Post, Thread

router = Router(tags=["forums"])


class ForumOut(Schema):
    id: int
    slug: str
    title: str
    description: str
    topic: str | None = Field(None, alias="topic.slug")
    working_group: int | None = Field(None, alias="working_group_id")
    url: str = Field(..., alias="get_absolute_url")
    is_demo: bool


class ThreadOut(Schema):
    id: int
    forum: str = Field(..., alias="forum.slug")
    title: str
    started_by: str
    created_at: datetime.datetime
    last_post_at: datetime.datetime | None
    post_count: int
    is_locked: bool
    url: str = Field(..., alias="get_absolute_url")
    is_demo: bool

    @staticmethod
    def resolve_started_by(thread) -> str:
        return thread.author.get_full_name() or thread.author.username


class PostOut(Schema):
    number: int
    author: str
    institution: str | None = Field(None, alias="institution.name")
    created_at: datetime.datetime
    language: str
    reply_to: int | None = Field(None, alias="reply_to.number")
    html: str = Field(..., alias="body_html")
    markdown: str = Field(..., alias="body")

    @staticmethod
    def resolve_author(post) -> str:
        return post.author.get_full_name() or post.author.username


def _public_threads():
    return Thread.objects.public().select_related("forum", "author")


@router.get("/forums", response=list[ForumOut], summary="Open forums")
@paginate
def list_forums(request: HttpRequest):
    return Forum.objects.public().select_related("topic").order_by("position", "title", "pk")


@router.get("/forums/{slug}/threads", response=list[ThreadOut], summary="Threads of an open forum, latest first")
@paginate
def list_threads(request: HttpRequest, slug: str):
    forum = get_object_or_404(Forum.objects.public(), slug=slug)
    return _public_threads().filter(forum=forum).order_by("-last_post_at", "-pk")


@router.get("/forums/threads/{thread_id}", response=ThreadOut, summary="One thread of an open forum")
def get_thread(request: HttpRequest, thread_id: int):
    return get_object_or_404(_public_threads(), pk=thread_id)


@router.get("/forums/threads/{thread_id}/posts", response=list[PostOut], summary="A thread's posts, in order")
@paginate
def list_posts(request: HttpRequest, thread_id: int):
    thread = get_object_or_404(_public_threads(), pk=thread_id)
    return (Post.objects.filter(thread=thread, visibility=Post.Visibility.VISIBLE)
            .select_related("author", "institution", "reply_to").order_by("number"))
