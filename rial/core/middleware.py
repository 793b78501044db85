"""Response headers that Django's SecurityMiddleware does not set."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from rial.core.files import max_upload_bytes


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestBodyLimitMiddleware:
    """Refuse an oversized request body before anything reads it.

    The CSRF check reads a POST body (to find its token) before a view can redirect an anonymous visitor
    to the login page, so a 100 MB upload from anyone was received and stored in full first. Here the
    declared Content-Length decides, before the body is touched: above RIAL_MAX_UPLOAD_BYTES (plus room
    for the form's other fields) for everyone, above RIAL_ANONYMOUS_MAX_BODY_BYTES for a visitor who is
    not signed in and sends no API token. nginx enforces the first limit too (client_max_body_size).
    """

    FORM_OVERHEAD = 1024 * 1024

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared:
            limit = max_upload_bytes() + self.FORM_OVERHEAD
            if not self._identified(request):
                limit = min(limit, settings.RIAL_ANONYMOUS_MAX_BODY_BYTES)
            if declared > limit:
                return self._too_large(request, limit)
        return self.get_response(request)

    @staticmethod
    def _identified(request) -> bool:
        if request.META.get("HTTP_AUTHORIZATION"):
            return True  # an API token: the API checks it, and its own limits apply
        session = getattr(request, "session", None)
        return session is not None and session.get(SESSION_KEY) is not None

    @staticmethod
    def _too_large(request, limit: int):
        message = _("This request is too large (at most %(size)s). Sign in before sending files.") % {
            "size": filesizeformat(limit)}
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=413)
        else:
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        # The unread body stays on the connection: close it rather than parse the rest as a next request.
        response["Connection"] = "close"
        return response
