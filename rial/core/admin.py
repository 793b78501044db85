"""The admin is the Secretariat's back office; every check goes through the same rules as the pages."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


class RialAdminAuthenticationForm(AdminAuthenticationForm):
    """Only the Secretariat logs in here; Django's ``is_staff`` flag alone is not enough."""

    def confirm_login_allowed(self, user) -> None:
        if not (user.is_active and user.has_perm("accounts.use_admin")):
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class RialAdminSite(admin.AdminSite):
    login_form = RialAdminAuthenticationForm

    site_header = _("RIAL administration")
    site_title = _("RIAL administration")
    index_title = _("Technical Secretariat back office")

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("accounts.use_admin")


class RialModelAdmin(SimpleHistoryAdmin):
    """Object-level permissions from django-rules, and history with restore from django-simple-history."""

    # Addresses typed without a scheme are https (Django 6's default; silences its deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _perm(self, request, action: str, obj=None) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}", obj)

    def has_module_permission(self, request) -> bool:
        return self._perm(request, "view")

    def has_view_permission(self, request, obj=None) -> bool:
        return self._perm(request, "view", obj) or self._perm(request, "change", obj)

    def has_add_permission(self, request) -> bool:
        return self._perm(request, "add")

    def has_change_permission(self, request, obj=None) -> bool:
        return self._perm(request, "change", obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._perm(request, "delete", obj)
