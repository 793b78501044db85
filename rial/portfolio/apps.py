from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "rial.portfolio"
    label = "portfolio"
    verbose_name = _("Portfolio of Programs")
