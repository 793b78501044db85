"""The restricted draft negotiation forum: comments on a draft, paragraph by paragraph, in a window."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.conference.models import ConferenceDocument
from rial.directory.models import Institution


class DraftForum(models.Model):
    title = models.CharField(_("title"), max_length=300)
    draft = models.ForeignKey(ConferenceDocument, verbose_name=_("draft Declaration or Plan of Action"), null=True,
                              blank=True, on_delete=models.PROTECT, related_name="forums")
    introduction = models.TextField(_("introduction"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), db_index=True)
    closes_at = models.DateTimeField(_("closes at"), db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("draft negotiation forum")
        verbose_name_plural = _("draft negotiation forums")
        constraints = [models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                              name="forum_window_in_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:forum", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() < self.closes_at

    @property
    def is_closed(self) -> bool:
        return timezone.now() >= self.closes_at


class ForumParagraph(models.Model):
    forum = models.ForeignKey(DraftForum, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveSmallIntegerField(_("paragraph"))
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["forum", "number"]
        verbose_name = _("draft paragraph")
        verbose_name_plural = _("draft paragraphs")
        constraints = [models.UniqueConstraint(fields=["forum", "number"], name="one_paragraph_number_per_forum")]

    def __str__(self) -> str:
        return f"§{self.number}"


class ForumComment(models.Model):
    paragraph = models.ForeignKey(ForumParagraph, on_delete=models.CASCADE, related_name="comments")
    institution = models.ForeignKey(Institution, verbose_name=_("on behalf of"), on_delete=models.PROTECT,
                                    related_name="forum_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph", "created_at"]
        verbose_name = _("forum comment")
        verbose_name_plural = _("forum comments")

    def __str__(self) -> str:
        return f"{self.institution} on {self.paragraph}"
