from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.directory.models import (
    Country,
    FocalPointDesignation,
    Institution,
    InstitutionName,
    Person,
    Position,
)


@admin.register(Country)
class CountryAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("iso2", "name", "kind", "oas_status", "verified")
    list_filter = ("kind", "oas_status", "verified")
    search_fields = ("iso2", "name")


class InstitutionNameInline(admin.TabularInline):
    model = InstitutionName
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("name", "acronym", "kind", "country", "verified", "archived_at")
    list_filter = ("kind", "verified", "country")
    search_fields = ("name", "acronym", "slug")
    inlines = [InstitutionNameInline]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["institution"]


class DesignationInline(admin.TabularInline):
    model = FocalPointDesignation
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["institution"]
    exclude = ["designated_by"]


@admin.register(Person)
class PersonAdmin(RialModelAdmin):
    list_display = ("full_name", "email", "user", "is_demo", "archived_at")
    list_filter = ("is_demo",)
    search_fields = ("full_name", "email")
    inlines = [PositionInline, DesignationInline]
    raw_id_fields = ["user"]


@admin.register(FocalPointDesignation)
class FocalPointDesignationAdmin(RialModelAdmin):
    list_display = ("person", "institution", "since", "until")
    list_filter = ("institution__country",)
    autocomplete_fields = ["institution"]
    raw_id_fields = ["person"]
