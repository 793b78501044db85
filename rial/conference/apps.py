from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "rial.conference"
    label = "conference"
    verbose_name = _("Conference")

    def ready(self) -> None:
        # The history page's restore lives in core, which knows no app: it sends ``version_restored`` and the
        # conference cycle answers for mandates (newly responsible institutions are told).
        from rial.conference import services
        from rial.conference.models import Mandate
        from rial.core.audit import version_restored

        version_restored.connect(services.mandate_restored, sender=Mandate, dispatch_uid="conference.mandate_restored")
