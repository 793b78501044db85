from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import JavaScriptCatalog, set_language

from rial.api import api
from rial.core.api_errors import address_not_found
from rial.core.health import healthz
from rial.core.views import favicon
from rial.portal import views as portal_views
from rial.portal.sitemaps import SITEMAPS

# A database that cannot be reached answers a translated 503 maintenance page (JSON for the API), not a 500.
handler500 = "rial.core.errors.server_error"

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/", address_not_found),
    path("healthz", healthz, name="healthz"),
    # The language switcher is on every page: with a CSRF token in it no page could be cached for anonymous
    # visitors. Choosing a language is no action worth forging (it sets the visitor's own language cookie),
    # so the switch needs no token.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
    path("robots.txt", portal_views.robots, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include("rial.portal.urls")),
    path("", include("rial.notifications.urls")),
    path("", include("rial.directory.urls")),
    path("", include("rial.topics.urls")),
    path("", include("rial.conference.urls")),
    path("", include("rial.meetings.urls")),
    path("", include("rial.portfolio.urls")),
    path("", include("rial.library.urls")),
    path("", include("rial.fund.urls")),
    path("", include("rial.cooperation.urls")),
    path("", include("rial.events.urls")),
    path("", include("rial.agreements.urls")),
    path("", include("rial.forums.urls")),
    path("", include("rial.newsletter.urls")),
    path("", include("rial.search.urls")),
    path("", include("rial.core.urls")),
    path("accounts/", include("rial.accounts.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
