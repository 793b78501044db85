from django.shortcuts import redirect
from django.urls import reverse

from rial.accounts.roles import needs_second_factor

# Paths a Secretariat user may reach before their second factor is verified.
_OPEN_PREFIXES = ("/static/", "/media/", "/i18n/")
_OPEN_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout")


class SecretariatTwoFactorMiddleware:
    """A Secretariat account can do everything, so it must prove a TOTP code before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and needs_second_factor(user)
            and not request.path.startswith(_OPEN_PREFIXES)
            and request.path not in {reverse(name) for name in _OPEN_NAMES}
        ):
            target = "accounts:two_factor_verify" if user.totpdevice_set.filter(confirmed=True).exists() \
                else "accounts:two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
