"""Paging of lists: the pages' paginator and the API's ?limit= and ?offset=, both bounded.

Both take the number of matching records from ``derived.count``: counted once and kept until the next write,
not on every request (a full count of 100,000 programs is most of the list's cost at that size).

An offset beyond what a database integer holds (9223372036854775808) made the database refuse the query
(a 500); a bound far above any real list turns it into a 422 that names the maximum, like the limit.
"""

from django.core.paginator import Paginator as DjangoPaginator
from django.utils.functional import cached_property
from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination

from rial.core import derived

MAX_OFFSET = 1_000_000_000


class Paginator(DjangoPaginator):
    """Django's paginator, counting a queryset through ``derived.count``."""

    @cached_property
    def count(self) -> int:
        if hasattr(self.object_list, "query"):
            return derived.count(self.object_list)
        return len(self.object_list)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=ninja_settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def _items_count(self, queryset) -> int:
        return derived.count(queryset) if hasattr(queryset, "query") else len(queryset)


class KeptRowsPagination(BoundedLimitOffsetPagination):
    """For a list of public records that reads the same for every reader (no prefetch that depends on the
    reader): the page's records, with what they select and prefetch, are kept until the next write
    (``derived.rows``), so an API client paging the list reads the database once per page and write. The
    response (fields, validation, OpenAPI) is the same as BoundedLimitOffsetPagination's."""

    def paginate_queryset(self, queryset, pagination, **params):
        result = super().paginate_queryset(queryset, pagination, **params)
        if hasattr(result[self.items_attribute], "query"):
            result[self.items_attribute] = derived.rows(result[self.items_attribute])
        return result
