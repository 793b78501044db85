from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "rial.portfolio"
    label = "portfolio"
    verbose_name = _("Portfolio of Programs")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from rial.directory.models import Country, Institution
        from rial.portfolio import sorting

        post_save.connect(sorting.country_saved, sender=Country, dispatch_uid="rial.portfolio:country-sort")
        post_save.connect(sorting.institution_saved, sender=Institution, dispatch_uid="rial.portfolio:ministry-sort")
