"""The page and the API answer when the database cannot be reached: 503, not a 500.

While PostgreSQL restarts, fails over or is out of connections, every request that needs it fails with a
database ``OperationalError`` (a refused connection, a connection the server closed, no pooled connection
free within DB_POOL_TIMEOUT). That is a temporary outage, not a fault of the application: the visitor gets a
maintenance page in their language and the API client a JSON 503, both with ``Retry-After``, and the log
gets one warning line per request instead of a traceback mailed to the admins for each.

Neither answer touches the database: the page is rendered without the request's context processors
(which read the signed-in user).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("rial.database")

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
# The driver's own classes of the same names (PEP 249): a query whose rows are read while a template renders
# can raise psycopg's error unwrapped when the server goes away in the middle.
DRIVER_ERROR_NAMES = {"OperationalError", "InterfaceError"}


def is_database_unavailable(exc: BaseException | None) -> bool:
    return exc is not None and (isinstance(exc, DATABASE_ERRORS) or any(
        cls.__name__ in DRIVER_ERROR_NAMES and cls.__module__.split(".")[0] in {"psycopg", "psycopg2", "sqlite3"}
        for cls in type(exc).__mro__))


def database_unavailable_message() -> str:
    return _("The platform is briefly unavailable: its database is not answering. Nothing you sent was "
             "half-saved. Please try again in a minute.")


def database_unavailable(request: HttpRequest, exc: BaseException) -> HttpResponse:
    logger.warning("database unavailable: %s %s (%s)", request.method, request.path,
                   str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": database_unavailable_message()}, status=503)
    else:
        response = HttpResponse(loader.get_template("503.html").render({"message": database_unavailable_message()}),
                                status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True  # logged above in one line; Django need not log it as an error again
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it inside the ``except`` that caught the exception."""
    exc = sys.exc_info()[1]
    if is_database_unavailable(exc):
        return database_unavailable(request, exc)
    return defaults.server_error(request)
