"""The admin is the Secretariat's back office; every check goes through the same rules as the pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


class RialAdminSite(admin.AdminSite):
    site_header = _("RIAL administration")
    site_title = _("RIAL administration")
    index_title = _("Technical Secretariat back office")

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("accounts.use_admin")


class RialModelAdmin(SimpleHistoryAdmin):
    """Object-level permissions from django-rules, and history with restore from django-simple-history."""

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
