from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "rial.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.backends.signals import connection_created

        from rial.core import login_throttle, pagecache, text  # noqa: F401 - connect their signal receivers

        # Every database connection reports its committed writes to the anonymous page cache.
        connection_created.connect(pagecache.install, dispatch_uid="rial.core.pagecache.install")
        pagecache.install()


class RialAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "rial.core.admin.RialAdminSite"
