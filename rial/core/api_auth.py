"""API authentication for every app's router: reads are public; writes need a bearer token.

The tokens and the rule that checks them belong to accounts, which sits above the directory (a user's
roles come from their positions there), so the apps below it cannot import it. Every router takes
`token_auth` from here instead, and settings name the function that checks a token
(``RIAL_API_BEARER_CHECK``), the way ``AUTH_USER_MODEL`` names the user model: core never imports accounts.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from ninja.security import HttpBearer


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        return import_string(settings.RIAL_API_BEARER_CHECK)(request, token)


token_auth = TokenAuth()
