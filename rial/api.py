"""The REST API at /api/v1/: one NinjaAPI, one router per app (each app's api.py)."""

from ninja.errors import HttpError

from rial.agreements.api import router as agreements_router
from rial.conference.api import router as conference_router
from rial.cooperation.api import router as cooperation_router
from rial.core.api_errors import register_error_handlers
from rial.core.openapi import RialNinjaAPI
from rial.directory.api import router as directory_router
from rial.events.api import router as events_router
from rial.forums.api import router as forums_router
from rial.fund.api import router as fund_router
from rial.library.api import router as library_router
from rial.meetings.api import router as meetings_router
from rial.newsletter.api import router as newsletter_router
from rial.portfolio.api import router as portfolio_router
from rial.search.api import router as search_router

api = RialNinjaAPI(
    title="RIAL platform API",
    version="1",
    description=(
        "Open data of the Inter-American Conference of Ministers of Labor and its cooperation network. "
        "Reads are public; writes need a bearer token created on your account page and follow the same "
        "permission rules as the web pages."
    ),
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


register_error_handlers(api)

api.add_router("/", directory_router)
api.add_router("/", conference_router)
api.add_router("/", meetings_router)
api.add_router("/", portfolio_router)
api.add_router("/", library_router)
api.add_router("/", fund_router)
api.add_router("/", cooperation_router)
api.add_router("/", events_router)
api.add_router("/", agreements_router)
api.add_router("/", forums_router)
api.add_router("/", newsletter_router)
api.add_router("/", search_router)

__all__ = ["HttpError", "api"]
