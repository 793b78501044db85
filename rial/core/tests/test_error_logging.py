"""An unhandled exception in a view is logged to standard output as a JSON line and mailed to the admins."""

import io
import json
import logging

import pytest
from django.core import mail

from rial.core.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def _broken(*args, **kwargs):
    raise RuntimeError("the search index is unreadable")


@pytest.fixture
def stdout_handler():
    handlers = [handler for handler in logging.getLogger("django").handlers
                if getattr(handler, "stream", None) is not None and handler.name == "console"]
    assert handlers, "the django loggers write to the console handler"
    return handlers[0]


def test_a_fault_in_a_page_is_a_json_line_on_standard_output(client, settings, monkeypatch, stdout_handler):
    settings.DEBUG = False
    monkeypatch.setattr("rial.portfolio.views.public_programs", _broken)
    stream = io.StringIO()
    previous = stdout_handler.setStream(stream)
    formatter = stdout_handler.formatter
    stdout_handler.setFormatter(JsonFormatter())  # production's format (LOG_FORMAT=json)
    try:
        client.raise_request_exception = False
        response = client.get("/en/programs/")
    finally:
        stdout_handler.setStream(previous)
        stdout_handler.setFormatter(formatter)
    assert response.status_code == 500
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert len(errors) == 1
    assert errors[0]["logger"] == "django.request"
    assert errors[0]["path"] == "/en/programs/"
    assert errors[0]["status"] == 500
    assert "RuntimeError: the search index is unreadable" in errors[0]["exception"]


def test_production_writes_json_lines(monkeypatch):
    import importlib

    import rial.settings

    monkeypatch.setenv("PRODUCTION", "1")
    monkeypatch.setenv("SECRET_KEY", "a-test-key-" + "y" * 40)
    try:
        production = importlib.reload(rial.settings)
        assert production.LOGGING["handlers"]["console"]["formatter"] == "json"
        assert production.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stdout"
    finally:
        monkeypatch.delenv("PRODUCTION")
        importlib.reload(rial.settings)


def test_a_fault_is_mailed_to_the_admins_when_configured(client, settings, monkeypatch):
    settings.DEBUG = False
    settings.ADMINS = [("Operations", "ops@example.org")]
    monkeypatch.setattr("rial.portfolio.views.public_programs", _broken)
    client.raise_request_exception = False
    assert client.get("/en/programs/").status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@example.org"]
    assert "RuntimeError" in mail.outbox[0].body
