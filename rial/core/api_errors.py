"""The API's answers to refusals, in the client's language.

/api/v1/ is outside ``i18n_patterns``, so ``LocaleMiddleware`` picks the language from the
``Accept-Language`` header (or the language cookie of a browser session); without either it is English.
Messages are translated when the answer is written, with whole sentences and named placeholders.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DataError, InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from rial.core.errors import database_unavailable, is_database_unavailable

# Django's own logger for failed requests: its records reach standard output and the admins' mailbox
# (settings.LOGGING), the same way as a page's unhandled exception.
request_logger = logging.getLogger("django.request")


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

    # A number no database column holds (an id of 9223372036854775808 in a filter) is bad input, not a fault.
    @api.exception_handler(OverflowError)
    @api.exception_handler(DataError)
    def out_of_range(request, exc):
        detail = _("A number in the request is out of range.")
        return api.create_response(request, {"detail": detail}, status=422)

    # The database not answering (restarting, failing over, out of connections) is an outage, not a fault.
    @api.exception_handler(OperationalError)
    @api.exception_handler(InterfaceError)
    def database_not_answering(request, exc):
        return database_unavailable(request, exc)

    # Anything else is our fault: logged with its traceback, answered in JSON (a JSON client cannot read
    # Django's HTML error page), whatever DEBUG says.
    @api.exception_handler(Exception)
    def server_error(request, exc):
        if is_database_unavailable(exc):
            return database_unavailable(request, exc)
        request_logger.error("Internal Server Error: %s", request.path, exc_info=exc,
                             extra={"status_code": 500, "request": request})
        detail = _("Something went wrong on our side. It has been logged; please try again later.")
        response = api.create_response(request, {"detail": detail}, status=500)
        response._has_been_logged = True  # logged above with the traceback: Django need not log it again
        return response
