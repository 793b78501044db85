"""The platform's one topic taxonomy (labels in English, Spanish, Portuguese and French).

Every app that classifies records by topic (mandates, programs, documents, cooperation, events) points
here, so one topic page can show a subject across the whole platform and across conferences.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicQuerySet(models.QuerySet):
    def areas(self):
        return self.filter(parent__isnull=True)


class Topic(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    parent = models.ForeignKey("self", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    name = models.CharField(_("name"), max_length=150)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # history: registered with the translated fields in translation.py

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", kwargs={"slug": self.slug})

    @property
    def is_area(self) -> bool:
        return self.parent_id is None
