"""The check behind the API's bearer tokens (see the profile page); `rial.core.api_auth.token_auth` calls it
through the ``RIAL_API_BEARER_CHECK`` setting, so the routers of the apps below accounts can use it."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from rial.accounts.models import ApiToken
from rial.accounts.roles import needs_second_factor


def check_token(request, token: str):
    """The active user a raw token belongs to (and ``request.user`` set to them), else None or a 401."""
    api_token = ApiToken.objects.for_raw(token)
    if api_token is None or not api_token.user.is_active:
        return None
    if api_token.is_expired:
        raise HttpError(401, _("This token expired on %(date)s. Create a new one on your account page.") % {
            "date": timezone.localdate(api_token.expires_at).isoformat()})
    # A bearer token skips the login form, so it must not skip the second factor either: an account
    # that must use 2FA may only use tokens created in a session that passed it.
    if needs_second_factor(api_token.user) and not api_token.second_factor_verified:
        raise HttpError(401, _("This token was created without a two-factor check. Revoke it and create a new "
                               "one after logging in with your authenticator code."))
    ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
    request.user = api_token.user
    return api_token.user
