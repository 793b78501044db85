from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "rial.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: models are ready only now.
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415

        from rial.directory.models import Country  # noqa: PLC0415
        from rial.search.query import forget_facet_labels  # noqa: PLC0415
        from rial.search.signals import connect_all  # noqa: PLC0415
        from rial.topics.models import Topic  # noqa: PLC0415

        connect_all()
        for model in (Country, Topic):
            post_save.connect(forget_facet_labels, sender=model, dispatch_uid=f"search-labels-save-{model.__name__}")
            post_delete.connect(forget_facet_labels, sender=model, dispatch_uid=f"search-labels-delete-{model.__name__}")
