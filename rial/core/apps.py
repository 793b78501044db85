from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "rial.core"
    label = "core"
    verbose_name = "Core"


class RialAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "rial.core.admin.RialAdminSite"
