"""Stored pages answered by the WSGI wrapper of rial/wsgi.py before Django's handler.

The application is called as a PEP 3333 server (gunicorn) calls it: an environ dict and ``start_response``.
Whether the wrapper answered or Django did is told by ``request_started``, which only Django's handler sends.
"""

import io
import sys

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from conftest import login
from rial import wsgi
from rial.core import pagecache
from rial.portfolio.models import Program
from rial.portfolio.services import program_publish
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
DJANGO = wsgi.django_application  # Django's own WSGIHandler, which the wrapper falls through to
WRAPPED = wsgi.application


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RIAL_PAGE_CACHE = True
    caches["pages"].clear()
    pagecache.changed()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the request signals must not close the test's connection (inside its
    transaction a new one cannot be opened on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def signals():
    """Every request signal sent meanwhile."""
    sent = []

    def record(signal, **kwargs):
        sent.append(signal)

    request_started.connect(record, dispatch_uid="test-page-cache-wsgi-started")
    request_finished.connect(record, dispatch_uid="test-page-cache-wsgi-finished")
    yield sent
    request_started.disconnect(dispatch_uid="test-page-cache-wsgi-started")
    request_finished.disconnect(dispatch_uid="test-page-cache-wsgi-finished")


def environ(path, method="GET", body=b"", **headers):
    path, _, query = path.partition("?")
    env = {"REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": query,
           "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
           "REMOTE_ADDR": "127.0.0.1", "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
           "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr, "wsgi.multithread": True,
           "wsgi.multiprocess": True, "wsgi.run_once": False}
    if body:
        env["CONTENT_LENGTH"] = str(len(body))
        env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    for name, value in headers.items():
        env["HTTP_" + name.upper()] = value
    return env


def call(application, env):
    """(status, headers, body) as a WSGI server writes them; the iterable is closed as PEP 3333 requires."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, list(headers)

    iterable = application(env, start_response)
    try:
        body = b"".join(iterable)
    finally:
        if hasattr(iterable, "close"):
            iterable.close()
    return answer["status"], answer["headers"], body


def header(headers, name):
    return next((value for key, value in headers if key.lower() == name.lower()), None)


def test_a_hit_through_the_wrapper_is_djangos_hit_byte_for_byte_without_a_query_or_a_signal(
        signals, django_assert_num_queries):
    ProgramFactory(name_en="Youth bridge")
    first = call(DJANGO, environ("/en/programs/"))
    assert header(first[1], "X-Page-Cache") == "miss" and b"Youth bridge" in first[2]
    django = call(DJANGO, environ("/en/programs/"))
    assert header(django[1], "X-Page-Cache") == "hit"
    signals.clear()
    with django_assert_num_queries(0):
        wrapped = call(WRAPPED, environ("/en/programs/"))
    assert wrapped == django and signals == []
    status, headers, body = wrapped
    assert status == "200 OK" and header(headers, "Content-Length") == str(len(body))
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "X-Content-Type-Options",
                 "Referrer-Policy", "Cross-Origin-Opener-Policy", "Content-Language"):
        assert header(headers, name) == header(first[1], name) and header(headers, name), name


def test_head_gets_the_same_headers_and_no_body_and_only_a_get_stores(signals):
    call(WRAPPED, environ("/en/programs/", method="HEAD"))
    assert len(signals) == 2  # Django answered the HEAD
    # A HEAD is never stored: the first GET renders the page.
    first = call(WRAPPED, environ("/en/programs/"))
    assert header(first[1], "X-Page-Cache") == "miss"
    signals.clear()
    status, headers, body = call(WRAPPED, environ("/en/programs/", method="HEAD"))
    get = call(WRAPPED, environ("/en/programs/"))
    assert signals == [] and body == b"" and (status, headers) == get[:2]
    assert header(headers, "X-Page-Cache") == "hit" and header(headers, "Content-Length") == str(len(get[2]))


def test_conditional_requests_get_what_django_gives(signals):
    call(WRAPPED, environ("/en/"))
    conditions = {"If_None_Match": '"anything"', "If_Modified_Since": "Sun, 06 Dec 2026 00:00:00 GMT"}
    django = call(DJANGO, environ("/en/", **conditions))
    signals.clear()
    assert call(WRAPPED, environ("/en/", **conditions)) == django and signals == []


@pytest.mark.django_db(transaction=True)
def test_after_publishing_a_program_the_next_request_is_not_served_stale(secretariat, signals):
    program = ProgramFactory(name_en="Apprenticeships for all", status=Program.Status.SUBMITTED)
    call(WRAPPED, environ("/en/programs/"))
    signals.clear()
    assert b"Apprenticeships for all" not in call(WRAPPED, environ("/en/programs/"))[2] and signals == []
    program_publish(program=program, user=secretariat)
    _status, headers, body = call(WRAPPED, environ("/en/programs/"))
    assert header(headers, "X-Page-Cache") == "miss" and b"Apprenticeships for all" in body and signals


def test_sessions_posts_signed_in_users_and_other_answers_never_come_from_the_wrapper(client, focal_cl, signals):
    call(WRAPPED, environ("/en/programs/"))
    for env in (environ("/en/programs/", Cookie="sessionid=expired"),
                environ("/en/programs/", Cookie="messages=pending"),
                environ("/en/programs/", HX_Request="true"),
                environ("/en/programs/", method="POST", body=b"a=1"),
                environ("/en/programs/", method="OPTIONS")):
        signals.clear()
        _status, headers, _body = call(WRAPPED, env)
        assert signals and header(headers, "X-Page-Cache") is None, env["REQUEST_METHOD"]

    login(client, focal_cl)
    signals.clear()
    session = client.cookies["sessionid"].value
    status, headers, body = call(WRAPPED, environ("/en/programs/", Cookie=f"sessionid={session}"))
    assert status == "200 OK" and signals and header(headers, "X-Page-Cache") is None and b"Log out" in body

    for path, status in (("/en/no-such-page/", "404 Not Found"), ("/en/accounts/login/", "200 OK")):
        for _ in range(2):
            signals.clear()
            answer = call(WRAPPED, environ(path))
            assert answer[0] == status and signals and header(answer[1], "X-Page-Cache") is None, path


def test_languages_never_mix(signals):
    for path in ("/en/", "/es/"):
        call(WRAPPED, environ(path))
    for language in ("es", "en"):
        call(WRAPPED, environ("/api/v1/countries", Accept_Language=language))
    signals.clear()
    en, es = call(WRAPPED, environ("/en/"))[2], call(WRAPPED, environ("/es/"))[2]
    assert b'<html lang="en">' in en and b'<html lang="es">' in es
    spanish = call(WRAPPED, environ("/api/v1/countries", Accept_Language="es"))
    english = call(WRAPPED, environ("/api/v1/countries", Accept_Language="en"))
    assert header(spanish[1], "Content-Language") == "es" and "Brasil" in spanish[2].decode()
    assert header(english[1], "Content-Language") == "en" and "Brazil" in english[2].decode()
    assert signals == []


def test_a_bad_host_and_a_cache_turned_off_are_left_to_django(settings, signals):
    call(WRAPPED, environ("/en/"))
    signals.clear()
    env = environ("/en/")
    env["HTTP_HOST"] = "evil.example"
    wrapped = call(WRAPPED, env)
    assert signals and header(wrapped[1], "X-Page-Cache") is None
    env["wsgi.input"] = io.BytesIO(b"")
    assert wrapped[0] == call(DJANGO, env)[0] != "200 OK"
    settings.RIAL_PAGE_CACHE = False
    signals.clear()
    _status, headers, _body = call(WRAPPED, environ("/en/"))
    assert signals and header(headers, "X-Page-Cache") is None


def test_the_middleware_answers_a_head_from_the_cache_too():
    anonymous = Client()
    anonymous.get("/en/programs/")
    response = anonymous.head("/en/programs/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit" and response.content == b""
