import base64
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from rial.accounts.forms import ApiTokenForm, PreferredLanguageForm, TokenCodeForm
from rial.accounts.models import ApiToken
from rial.accounts.roles import ROLE_LABELS, roles_for
from rial.core.login_throttle import delay_for
from rial.directory.models import FocalPointDesignation, Institution, Position


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        # An account under attack from many addresses: every attempt waits (see rial/core/login_throttle.py).
        delay = delay_for(request.POST.get("username", ""))
        if delay:
            time.sleep(delay)
        return super().post(request, *args, **kwargs)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = roles_for(user)
    person = getattr(user, "person", None)
    context = {
        "role_labels": [ROLE_LABELS[name] for name in roles.names],
        "person": person,
        "positions": Position.objects.current().filter(person__user=user).select_related("institution"),
        "designations": FocalPointDesignation.objects.current().filter(person__user=user).select_related("institution"),
        "editable_institutions": Institution.objects.filter(pk__in=roles.focal_point_for).order_by("name"),
        "tokens": user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at"),
        "token_form": ApiTokenForm(),
        "language_form": PreferredLanguageForm(initial={"preferred_language": user.preferred_language}),
        "has_totp": user.totpdevice_set.filter(confirmed=True).exists(),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The token was not created: give it a label of at most 100 characters and "
                                  "choose one of the listed lifetimes."))
        return redirect("accounts:profile")
    _token, raw = ApiToken.issue(user=request.user, label=form.cleaned_data["label"],
                                 second_factor_verified=request.user.is_verified(), days=form.cleaned_data["days"])
    messages.success(request, _("Copy your new API token now, it will not be shown again: %(token)s") % {
        "token": raw})
    return redirect("accounts:profile")


@login_required
@require_POST
def set_preferred_language(request: HttpRequest) -> HttpResponse:
    form = PreferredLanguageForm(request.POST)
    if form.is_valid():
        request.user.preferred_language = form.cleaned_data["preferred_language"]
        request.user.save(update_fields=["preferred_language"])
        messages.success(request, _("Your emails will be in the language you chose."))
    else:
        messages.error(request, _("Nothing was saved: choose one of the listed languages."))
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    updated = request.user.api_tokens.filter(pk=pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if updated:
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Create (once) an unconfirmed TOTP device, show its QR code, and confirm it with a first code."""
    user = request.user
    if user.totpdevice_set.filter(confirmed=True).exists():
        return redirect("accounts:two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "default"})
    form = TokenCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save()
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on for your account."))
        return redirect(_safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr_svg": qr_svg, "secret": base64.b32encode(device.bin_key).decode(),
        "next": request.GET.get("next", ""),
    })


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    device = request.user.totpdevice_set.filter(confirmed=True).first()
    if device is None:
        return redirect("accounts:two_factor_setup")
    form = TokenCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": request.GET.get("next", "")})
