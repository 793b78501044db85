"""The API's list pages: ?limit= and ?offset=, both bounded.

An offset beyond what a database integer holds (9223372036854775808) made the database refuse the query
(a 500); a bound far above any real list turns it into a 422 that names the maximum, like the limit.
"""

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination

MAX_OFFSET = 1_000_000_000


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=ninja_settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
