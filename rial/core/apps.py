from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "rial.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from rial.core import login_throttle, text  # noqa: F401 - connect their signal receivers


class RialAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "rial.core.admin.RialAdminSite"
