from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.library.models import Document, DocumentFile


class FileInline(admin.TabularInline):
    """Files are added through the document page, where their type and size are checked."""

    model = DocumentFile
    extra = 0
    fields = ("original_name", "language", "file_type", "size", "extraction", "extraction_error")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("title", "kind", "date", "status", "is_demo", "archived_at")
    list_filter = ("kind", "status", "is_demo")
    search_fields = ("title_en", "title_es", "authors")
    filter_horizontal = ("topics", "countries", "institutions", "related_programs")
    readonly_fields = ("status", "published_at")
    inlines = [FileInline]
