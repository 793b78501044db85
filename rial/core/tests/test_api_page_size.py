"""Every paginated list of the API has a largest page: ?limit=100000 must not return a whole table."""

import pytest
from django.conf import settings

from rial.api import api

pytestmark = pytest.mark.django_db
MAX = settings.NINJA_PAGINATION_MAX_LIMIT


def paginated_lists() -> list[tuple[str, dict]]:
    """(path, limit parameter) of every GET operation that takes a limit, from the OpenAPI document."""
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "limit":
                found.append((path, parameter))
    return found


def test_the_cap_is_a_sensible_page():
    assert settings.NINJA_PAGINATION_PER_PAGE <= MAX == 200


def test_every_paginated_list_declares_the_cap():
    lists = paginated_lists()
    # programs, documents, mandates, agreements, the fund ledger, … (grep @paginate rial/*/api.py)
    assert len(lists) >= 10, [path for path, _ in lists]
    for path, parameter in lists:
        assert parameter["schema"]["maximum"] == MAX, path


@pytest.mark.parametrize("path", [path for path, _ in paginated_lists() if "{" not in path])
def test_a_huge_limit_is_refused_with_a_clear_422_never_a_500(secretariat_client, path):
    # The Secretariat reads every list, the fund ledger included; the limit is checked the same for all.
    client = secretariat_client
    response = client.get(path, {"limit": 100_000})
    assert response.status_code == 422, (path, response.status_code)
    assert f"less than or equal to {MAX}" in response.content.decode()
    for bad in ("abc", "0", "-5", "9" * 30, str(MAX + 1)):
        assert client.get(path, {"limit": bad}).status_code == 422, (path, bad)
    assert client.get(path, {"limit": MAX}).status_code == 200, path
