"""Studies, guides and other documents of the network, each with its files in one or more languages."""


from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import Mandate
from rial.core.languages import LANGUAGE_CHOICES
from rial.core.models import Archivable, ArchivableQuerySet, TransitionRecord
from rial.core.storage import private_storage
from rial.directory.models import Country, Institution
from rial.portfolio.models import Program
from rial.topics.models import Topic


class DocumentQuerySet(ArchivableQuerySet):
    def published(self):
        return self.active().filter(status=Document.Status.PUBLISHED)

    def with_files(self):
        """What the list's cards show: each document's files as a plain list (``file_list``), one query."""
        return self.prefetch_related(Prefetch("files", to_attr="file_list"))

    def for_list(self):
        """Documents with their files, topics, countries and institutions as plain lists (``file_list``,
        ``topic_list``, ``country_list``, ``institution_list``), one query each: a related manager and queryset per
        document and relation (``prefetch_related("topics")``) cost more than the rows themselves."""
        return self.with_files().prefetch_related(
            Prefetch("topics", to_attr="topic_list"), Prefetch("countries", to_attr="country_list"),
            Prefetch("institutions", to_attr="institution_list"))


class Document(Archivable):
    class Kind(models.TextChoices):
        STUDY = "study", _("Technical study")
        LESSONS = "lessons", _("Lessons learned")
        GUIDE = "guide", _("Guide or protocol")
        REPOSITORY = "repository", _("Repository")
        TESTIMONIAL = "testimonial", _("Testimonial")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to the submitter")
        PUBLISHED = "published", _("Published")

    # Translated (translation.py): title, summary.
    title = models.CharField(_("title"), max_length=400)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STUDY, db_index=True)
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    institutions = models.ManyToManyField(Institution, verbose_name=_("institutions"), blank=True,
                                          related_name="documents")
    date = models.DateField(_("date"), db_index=True)
    language = models.CharField(_("original language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="documents")
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="documents")
    related_programs = models.ManyToManyField(Program, verbose_name=_("related programs"), blank=True,
                                              related_name="documents")
    related_mandates = models.ManyToManyField(Mandate, verbose_name=_("related mandates"), blank=True,
                                              related_name="documents")
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    # The institution that submitted the document for the Secretariat's review (a partner organization,
    # COSATE, CEATAL, a ministry); empty for the Secretariat's own documents. Its people keep the draft.
    owner_institution = models.ForeignKey(Institution, verbose_name=_("submitted by"), null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="submitted_documents")
    # Why the Secretariat returned the document, shown to its submitter until it is submitted again.
    review_comment = models.TextField(_("review comments"), max_length=5000, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False,
                                  help_text=_("Invented for the demonstration; not a real document."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # history: registered with the translated fields in translation.py

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["status", "archived_at", "date"], name="document_public_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_archived

    @property
    def is_with_submitter(self) -> bool:
        """A submitted institution's draft, or what the Secretariat returned to it: its people change it."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    # What templates, the API and search read; DocumentQuerySet.for_list() fills them for a whole list in one
    # query each (Django's prefetch knows these cached properties), a document read alone queries here.
    @cached_property
    def topic_list(self) -> list[Topic]:
        return list(self.topics.all())

    @cached_property
    def country_list(self) -> list[Country]:
        return list(self.countries.all())

    @cached_property
    def file_list(self) -> list["DocumentFile"]:
        return list(self.files.all())

    @cached_property
    def institution_list(self) -> list[Institution]:
        return list(self.institutions.all())


TRANSITION_LABELS = {
    "submit": _("Submitted for review"),
    "return": _("Returned to the submitter"),
    "publish": _("Published"),
    "withdraw": _("Withdrawn from the public"),
}


class DocumentTransition(TransitionRecord):
    """Who moved a document through its review, when, and with which comment."""

    ACTION_LABELS = TRANSITION_LABELS

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=Document.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Document.Status.choices)

    class Meta(TransitionRecord.Meta):
        verbose_name = _("document transition")
        verbose_name_plural = _("document transitions")
        indexes = [models.Index(fields=["document", "at"])]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.from_status} → {self.to_status}"


class DocumentFile(models.Model):
    """One file of a document: a language version, in PDF, DOCX, XLSX or PPTX."""

    class FileType(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        XLSX = "xlsx", "XLSX"
        PPTX = "pptx", "PPTX"

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Text extraction pending")
        DONE = "done", _("Text extracted")
        FAILED = "failed", _("Text not extracted")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    file = models.FileField(_("file"), storage=private_storage, upload_to="library/%Y/%m/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    file_type = models.CharField(_("file type"), max_length=10, choices=FileType.choices)
    text = models.TextField(_("extracted text"), blank=True)
    extraction = models.CharField(_("text extraction"), max_length=10, choices=Extraction.choices,
                                  default=Extraction.PENDING, db_index=True)
    extraction_error = models.CharField(_("why the text was not extracted"), max_length=300, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("document file")
        verbose_name_plural = _("document files")

    def __str__(self) -> str:
        return self.original_name

    def get_download_url(self) -> str:
        return reverse("library:download", kwargs={"pk": self.pk})
