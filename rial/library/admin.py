from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.library.models import Document, DocumentFile, DocumentTransition


class FileInline(admin.TabularInline):
    """Files are added through the document page, where their type and size are checked."""

    model = DocumentFile
    extra = 0
    fields = ("original_name", "language", "file_type", "size", "extraction", "extraction_error")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class TransitionInline(admin.TabularInline):
    """The review history; moves are made on the document's page (library.services), never typed here."""

    model = DocumentTransition
    extra = 0
    fields = ("at", "action", "from_status", "to_status", "user", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(RialModelAdmin, TranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("title", "kind", "date", "status", "is_demo", "archived_at")
    list_filter = ("kind", "status", "is_demo")
    search_fields = ("title_en", "title_es", "authors")
    filter_horizontal = ("topics", "countries", "institutions", "related_programs")
    raw_id_fields = ("related_mandates",)
    # The review moves (submit, return, publish) go through library.services on the document's page.
    readonly_fields = ("status", "review_comment", "published_at")
    inlines = [FileInline, TransitionInline]
