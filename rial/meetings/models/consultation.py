"""Electronic consultation: a document put to the authorities, answered by each before a deadline."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.storage import private_storage
from rial.directory.models import Institution
from rial.meetings.models.files import validate_document
from rial.meetings.models.workplan import WorkPlanRevision


class Consultation(models.Model):
    class Subject(models.TextChoices):
        WORK_PLAN = "work_plan", _("Work plan")
        DRAFT = "draft", _("Draft text")
        FUND = "fund", _("Decision on the fund")
        OTHER = "other", _("Other decision")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        OBJECTED = "objected", _("Not approved: objections")
        INCOMPLETE = "incomplete", _("No decision: answers missing")

    title = models.CharField(_("title"), max_length=300)
    subject = models.CharField(_("subject"), max_length=12, choices=Subject.choices, default=Subject.OTHER)
    description = models.TextField(_("what is asked"))
    # Private storage: only those who see the consultation read it (views.consultations.consultation_document).
    document = models.FileField(_("document"), storage=private_storage, upload_to="meetings/consultations/%Y/",
                                blank=True, validators=[validate_document])
    work_plan_revision = models.ForeignKey(WorkPlanRevision, verbose_name=_("work plan revision"), null=True,
                                           blank=True, on_delete=models.PROTECT, related_name="consultations")
    consulted = models.ManyToManyField(Institution, verbose_name=_("authorities consulted"),
                                       related_name="consultations")
    deadline = models.DateTimeField(_("deadline"), db_index=True)
    silence_is_approval = models.BooleanField(
        _("no answer by the deadline counts as approval"), default=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN,
                              db_index=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords(m2m_fields=["consulted"])

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("electronic consultation")
        verbose_name_plural = _("electronic consultations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:consultation", kwargs={"pk": self.pk})

    def get_document_url(self) -> str:
        return reverse("meetings:consultation_document", kwargs={"pk": self.pk})

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() >= self.deadline


class ConsultationAnswer(models.Model):
    class Answer(models.TextChoices):
        APPROVE = "approve", _("Approve")
        OBJECT = "object", _("Object")
        COMMENT = "comment", _("Comment")
        TACIT = "tacit", _("No answer: counted as approval")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    institution = models.ForeignKey(Institution, verbose_name=_("authority"), on_delete=models.PROTECT,
                                    related_name="consultation_answers")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    comment = models.TextField(_("comment"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("answered by"))
    answered_at = models.DateTimeField(_("answered at"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["institution__name"]
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        constraints = [models.UniqueConstraint(fields=["consultation", "institution"],
                                               name="one_answer_per_authority")]

    def __str__(self) -> str:
        return f"{self.institution}: {self.get_answer_display()}"
