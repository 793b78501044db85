from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.topics.models import Topic


@admin.register(Topic)
class TopicAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("name", "parent", "slug", "position")
    list_filter = ("parent",)
    search_fields = ("name", "slug")
