"""The API, fuzzed from its own OpenAPI document (schemathesis), in-process through the WSGI application.

Every operation gets generated requests — valid ones and deliberately wrong ones — as an anonymous
client and with a Secretariat token (the token that may do the most, so writes get past the permission
check and reach validation and the database). Each answer must not be a server error, must carry a status
code the document declares for the operation, and must match the declared schema, headers and content type;
a request the document calls invalid must be refused.

Left out: schemathesis's "valid data must be accepted" check. Whether a request is acceptable often
depends on the records and not on its shape — a country code the reference data do not hold, a call
that cannot move to "open" from where it is, an amount of zero — and the API refuses those with a declared
422, which that check counts as a failure.

Bounded so that it runs in the normal suite: a fixed number of examples per operation, derandomised (the
same requests on every run, so a failure reproduces), no deadline (the machine is shared).
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from rial.accounts.models import ApiToken
from rial.api import api

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler is called directly: as Django's test client does, keep the request signals from
    closing the test's connection (inside its transaction a new one cannot be opened on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)

EXAMPLES = 12
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
APP = WSGIHandler()
SCHEMA.app = APP  # every request, the checks' own follow-up requests too, goes to the application in-process
EXCLUDED = [positive_data_acceptance]
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.fixture
def secretariat_token(secretariat):
    _token, raw = ApiToken.issue(user=secretariat, label="fuzz", second_factor_verified=True)
    return raw


@SCHEMA.parametrize()
@FUZZ
def test_anonymous_requests_get_declared_answers(case):
    case.call_and_validate(excluded_checks=EXCLUDED)


@SCHEMA.parametrize()
@FUZZ
def test_requests_with_a_secretariat_token_get_declared_answers(case, secretariat_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {secretariat_token}"}, excluded_checks=EXCLUDED)
