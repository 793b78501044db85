"""Who is who in the network: countries, institutions, people, positions and focal points."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.languages import LANGUAGE_CHOICES
from rial.core.models import Archivable, ArchivableQuerySet


def today() -> datetime.date:
    return timezone.localdate()


class Country(models.Model):
    class Kind(models.TextChoices):
        MEMBER_STATE = "member_state", _("OAS member state")
        NON_MEMBER = "non_member", _("Country outside the OAS")
        TERRITORY = "territory", _("Territory")

    class OasStatus(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        NOT_PARTICIPATING = "not_participating", _("Not participating")
        DISPUTED = "disputed", _("Disputed")

    iso2 = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    # The language the platform writes in to this country's people when they have not chosen one: the
    # country's official language among the platform's four (English where none of them is official).
    language = models.CharField(_("language for messages"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    joined_oas = models.PositiveSmallIntegerField(_("joined the OAS"), null=True, blank=True)
    oas_status = models.CharField(_("OAS status"), max_length=20, choices=OasStatus.choices, blank=True,
                                  db_index=True)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    # history: registered with the translated fields in translation.py

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:country", kwargs={"iso2": self.iso2.lower()})

    @property
    def is_member_state(self) -> bool:
        return self.kind == self.Kind.MEMBER_STATE


class InstitutionQuerySet(ArchivableQuerySet):
    def ministries(self):
        return self.filter(kind=Institution.Kind.MINISTRY)


class Institution(Archivable):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry of labor")
        CONSULTATIVE_BODY = "consultative_body", _("Consultative body")
        SECRETARIAT = "secretariat", _("Technical Secretariat")
        PARTNER = "partner", _("Partner organization")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    country = models.ForeignKey(Country, verbose_name=_("country"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="institutions")
    # The name in use today, in each language (the dated official names are InstitutionName rows).
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("contact email"), max_length=254, blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("name verified"), default=False)
    # history: registered with the translated fields in translation.py

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:institution", kwargs={"slug": self.slug})

    @property
    def owner_institution_id(self) -> int:
        """The institution whose focal points may edit this record: itself."""
        return self.pk


class InstitutionName(models.Model):
    """An official name of an institution and the dates it was valid (names change with governments)."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("official name"), max_length=300)
    language = models.CharField(_("language"), max_length=8, help_text=_("ISO 639-1 code, e.g. es, en, pt, fr, nl."))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("official name")
        verbose_name_plural = _("official names")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="institution_name_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class Person(Archivable):
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user account"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="person")
    is_demo = models.BooleanField(_("demo record"), default=False,
                                  help_text=_("Invented for the demonstration; not a real person."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name


class CurrentQuerySet(models.QuerySet):
    """Rows with a start and an optional end date."""

    start_field = "start"
    end_field = "end"

    def current(self, on: datetime.date | None = None):
        on = on or today()
        return self.filter(
            Q(**{f"{self.start_field}__isnull": True}) | Q(**{f"{self.start_field}__lte": on}),
            Q(**{f"{self.end_field}__isnull": True}) | Q(**{f"{self.end_field}__gte": on}),
        )


class PositionQuerySet(CurrentQuerySet):
    pass


class Position(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="positions")
    title = models.CharField(_("job title"), max_length=200)
    start = models.DateField(_("since"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        indexes = [models.Index(fields=["institution", "end"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.title}, {self.institution}"

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id


class DesignationQuerySet(CurrentQuerySet):
    start_field = "since"
    end_field = "until"


class FocalPointDesignation(models.Model):
    """Who acts for which ministry in the network, and since when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="designations")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="focal_points")
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    designated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name=_("designated by"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = DesignationQuerySet.as_manager()

    class Meta:
        ordering = ["-since"]
        verbose_name = _("focal point designation")
        verbose_name_plural = _("focal point designations")
        indexes = [models.Index(fields=["institution", "until"])]
        constraints = [
            models.CheckConstraint(condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                                   name="designation_dates_in_order"),
            # Two simultaneous designations of the same person cannot both stay open (the service checks
            # first, with a clear message; this holds under concurrent requests too).
            models.UniqueConstraint(fields=["person", "institution"], condition=Q(until__isnull=True),
                                    name="one_open_designation_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.institution}"

    @property
    def owner_institution_id(self) -> int:
        return self.institution_id
