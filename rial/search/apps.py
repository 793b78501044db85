from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "rial.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from rial.search.signals import connect_all  # noqa: PLC0415 (models are ready only now)

        connect_all()
