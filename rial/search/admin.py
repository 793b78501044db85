from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from rial.core.admin import RialModelAdmin
from rial.search.models import Concept


@admin.register(Concept)
class ConceptAdmin(RialModelAdmin):
    """The Secretariat extends the vocabulary here; every change is in the concept's history (and can be
    restored there), and the records that name the concept are indexed again in the background."""

    list_display = ("slug", "__str__", "topic", "facet", "edited")
    list_filter = ("topic", "facet", "edited", "source")
    search_fields = ("slug", "labels_en", "labels_es", "labels_pt", "labels_fr")
    autocomplete_fields = ("broader",)
    fieldsets = (
        (None, {"fields": ("slug", "topic", "broader", "facet")}),
        (_("Labels"), {"fields": ("labels_en", "labels_es", "labels_pt", "labels_fr")}),
        (_("Source"), {"fields": ("source", "verified")}),
    )

    def save_model(self, request, obj, form, change):
        # Edited here, the concept is the Secretariat's: loading the shipped vocabulary no longer changes it.
        obj.edited = True
        super().save_model(request, obj, form, change)
        messages.info(request, _("The records that use this concept's labels are being indexed again; "
                                 "searches reflect the change within a few minutes."))
