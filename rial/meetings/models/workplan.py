"""The work plan of a cycle: activities with dates, place, who is responsible and who pays.

A plan is revised over the cycle ("updated as of September 2014"); each revision is kept whole, and an
activity keeps the same ``key`` across revisions so the calendar feed updates events instead of
duplicating them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import Conference, Mandate
from rial.directory.models import Country, Institution
from rial.meetings.models.meeting import TIME_ZONE_CHOICES, Meeting


class WorkPlan(models.Model):
    title = models.CharField(_("title"), max_length=300)
    first_year = models.PositiveSmallIntegerField(_("first year"), db_index=True)
    last_year = models.PositiveSmallIntegerField(_("last year"))
    conference = models.ForeignKey(Conference, verbose_name=_("cycle of the conference"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="work_plans")
    planning_meeting = models.ForeignKey(Meeting, verbose_name=_("planning meeting"), null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="work_plans")
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [models.CheckConstraint(condition=Q(last_year__gte=models.F("first_year")),
                                              name="work_plan_years_in_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:workplan", kwargs={"pk": self.pk})


class WorkPlanRevision(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision"))
    as_of = models.DateField(_("updated as of"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("work plan revision")
        verbose_name_plural = _("work plan revisions")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_revision_number_per_plan")]

    def __str__(self) -> str:
        return f"{self.plan} — rev. {self.number} ({self.as_of:%Y-%m-%d})"

    @property
    def is_current(self) -> bool:
        return self.number == self.plan.revisions.aggregate(models.Max("number"))["number__max"]


class PlannedActivityQuerySet(models.QuerySet):
    def current(self):
        """Activities of the latest revision of every plan: what the calendar shows."""
        latest = WorkPlanRevision.objects.filter(plan=models.OuterRef("revision__plan")).order_by("-number")
        return self.filter(revision=models.Subquery(latest.values("pk")[:1]))


class PlannedActivity(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        DONE = "done", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    revision = models.ForeignKey(WorkPlanRevision, on_delete=models.CASCADE, related_name="activities")
    key = models.UUIDField(_("identifier across revisions"), default=uuid.uuid4, db_index=True)
    title = models.CharField(_("activity"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"), db_index=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True,
                                  help_text=_("Local time at the venue; leave empty for whole days."))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONE_CHOICES,
                                 default="America/New_York")
    place = models.CharField(_("place"), max_length=300, blank=True)
    is_virtual = models.BooleanField(_("virtual"), default=False)
    country = models.ForeignKey(Country, verbose_name=_("host country"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    responsible = models.ManyToManyField(Institution, verbose_name=_("responsible"), blank=True, related_name="+")
    responsible_note = models.CharField(_("other responsible parties"), max_length=300, blank=True)
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True,
                                      help_text=_("e.g. RIAL Voluntary Contribution Fund; host ministry in kind"))
    funding_amount = models.DecimalField(_("funding amount"), max_digits=12, decimal_places=2, null=True,
                                         blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED,
                              db_index=True)
    mandates = models.ManyToManyField(Mandate, verbose_name=_("mandates carried out"), blank=True,
                                      related_name="planned_activities")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting held"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="planned_activities")
    history = HistoricalRecords()

    objects = PlannedActivityQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "start_time"]
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                                   name="activity_dates_in_order"),
            models.CheckConstraint(condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                                   name="activity_funding_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def last_day(self):
        return self.end_date or self.start_date
