"""API authentication: reads are public; writes need a bearer token (see the profile page)."""

from django.utils import timezone
from ninja.security import HttpBearer

from rial.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        api_token = ApiToken.objects.for_raw(token)
        if api_token is None or not api_token.user.is_active:
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


token_auth = TokenAuth()
