import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CHOICES


class User(AbstractUser):
    """A login. What the person may do follows from the directory (positions, focal point designations)."""

    # Empty: the person has not chosen, and is written to in their country's language
    # (rial.directory.recipients); a default of "en" had made every account English.
    preferred_language = models.CharField(_("preferred language"), max_length=8, choices=LANGUAGE_CHOICES,
                                          default="", blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def for_raw(self, raw: str):
        return self.filter(digest=_digest(raw), revoked_at__isnull=True).select_related("user").first()


class ApiToken(models.Model):
    """A token for writes through the API. Only its SHA-256 digest is stored; the raw value is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    label = models.CharField(_("label"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    # Whether the session that created the token had passed the second factor. A token of an account
    # that must use 2FA (the Secretariat) works only if so: otherwise a token would bypass the TOTP check.
    second_factor_verified = models.BooleanField(_("created after a two-factor check"), default=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.label} ({self.user})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @classmethod
    def issue(cls, *, user, label: str, second_factor_verified: bool = False,
              days: int | None = None) -> tuple["ApiToken", str]:
        """A new token valid for ``days`` (at most, and by default, ``RIAL_API_TOKEN_DAYS``)."""
        days = min(days or settings.RIAL_API_TOKEN_DAYS, settings.RIAL_API_TOKEN_DAYS)
        raw = "rial_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, label=label, digest=_digest(raw),
                                   second_factor_verified=second_factor_verified,
                                   expires_at=timezone.now() + datetime.timedelta(days=days))
        return token, raw
