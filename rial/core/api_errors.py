"""The API's answers to refusals, in the client's language.

/api/v1/ is outside ``i18n_patterns``, so ``LocaleMiddleware`` picks the language from the
``Accept-Language`` header (or the language cookie of a browser session); without either it is English.
Messages are translated when the answer is written, with whole sentences and named placeholders.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError


def register_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(AuthenticationError)
    def authentication_needed(request, exc):
        detail = _("This needs an API token: send it in the header “Authorization: Bearer <token>”.")
        return api.create_response(request, {"detail": detail}, status=401)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return api.create_response(request, {"detail": _("You do not have permission to do this.")}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Nothing was found at this address.")}, status=404)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        detail = _("Nothing was saved: the data is not valid.")
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)
