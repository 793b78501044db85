"""The Secretariat's back office for the forums. Moderation (hide, lock, move) happens on the forum pages,
where a reason is asked and the author told; here those fields are read-only."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.forums.models import Forum, ModerationAction, Post, Subscription, Thread


@admin.register(Forum)
class ForumAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("title", "slug", "topic", "working_group", "is_restricted", "position", "is_demo")
    list_filter = ("is_restricted", "is_demo")
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["member_institutions"]
    raw_id_fields = ["member_people"]
    list_select_related = ("topic", "working_group__conference")


@admin.register(Thread)
class ThreadAdmin(RialModelAdmin):
    list_display = ("title", "forum", "author", "post_count", "last_post_at", "status", "visibility", "is_demo")
    list_filter = ("status", "visibility", "forum", "is_demo")
    search_fields = ("title",)
    list_select_related = ("forum", "author")
    readonly_fields = ("forum", "author", "created_at", "last_post_at", "post_count", "status", "visibility",
                       "is_demo")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Post)
class PostAdmin(RialModelAdmin):
    list_display = ("__str__", "author", "created_at", "visibility", "is_demo")
    list_filter = ("visibility", "is_demo")
    search_fields = ("body", "thread__title")
    list_select_related = ("thread", "author")
    # The text and its HTML go together: a post is never edited here (the HTML would no longer match).
    readonly_fields = ("thread", "number", "author", "institution", "reply_to", "body", "language", "created_at",
                       "visibility", "is_demo")
    exclude = ("body_html",)

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(RialModelAdmin):
    list_display = ("user", "forum", "thread", "seen_up_to", "created_at")
    list_select_related = ("user", "forum", "thread")
    raw_id_fields = ("user", "forum", "thread")


@admin.register(ModerationAction)
class ModerationActionAdmin(RialModelAdmin):
    list_display = ("created_at", "action", "thread", "post", "moderator")
    list_filter = ("action",)
    list_select_related = ("thread", "post", "moderator")
    readonly_fields = ("action", "thread", "post", "reason", "moderator", "from_forum", "to_forum", "created_at")

    def has_add_permission(self, request) -> bool:
        return False
