from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from rial.accounts.models import ApiToken, User
from rial.core.admin import RialModelAdmin


@admin.register(User)
class UserAdmin(RialModelAdmin, DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (None, {"fields": ("preferred_language",)}))
    list_display = ("username", "email", "first_name", "last_name", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(RialModelAdmin):
    list_display = ("label", "user", "created_at", "expires_at", "last_used_at", "revoked_at")
    readonly_fields = ("digest", "created_at", "last_used_at")
