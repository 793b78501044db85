"""A working group's final report: drafted from the records, edited by people, exported as DOCX and PDF."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import WorkingGroup
from rial.core.languages import LANGUAGE_CHOICES

# The groups' reports are written in the languages of the OAS, those of the platform: a report read in
# Portuguese or French is recorded in its own language.
REPORT_LANGUAGE_CHOICES = LANGUAGE_CHOICES


class WorkingGroupReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Final")

    group = models.ForeignKey(WorkingGroup, verbose_name=_("working group"), on_delete=models.PROTECT,
                              related_name="final_reports")
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=2, choices=REPORT_LANGUAGE_CHOICES, default="en")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    introduction = models.TextField(_("introduction"), blank=True)
    topics_summary = models.TextField(_("summary of topics"), blank=True)
    consensus = models.TextField(_("areas of consensus"), blank=True, help_text=_("One point per paragraph."))
    further_work = models.TextField(_("issues for further work"), blank=True, help_text=_("One point per paragraph."))
    recommendations = models.TextField(_("recommendations"), blank=True, help_text=_("One per paragraph."))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end"]
        verbose_name = _("working group final report")
        verbose_name_plural = _("working group final reports")
        constraints = [models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")),
                                              name="report_period_in_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:report", kwargs={"pk": self.pk})

    @staticmethod
    def points(text: str) -> list[str]:
        """The numbered points of a section: one per paragraph (blank lines or line breaks separate them)."""
        return [line.strip() for line in text.splitlines() if line.strip()]
