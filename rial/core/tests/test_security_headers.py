"""Security headers on every answer: a Content-Security-Policy without 'unsafe-inline', Permissions-Policy,
referrer policy, no framing; HSTS and secure cookies in production."""

import importlib
import re
from pathlib import Path

import pytest

import rial.settings

pytestmark = pytest.mark.django_db

ROOT = Path(rial.settings.BASE_DIR) / "rial"


def _directives(header: str) -> dict[str, list[str]]:
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("path", ["/en/", "/es/programs/", "/en/accounts/login/", "/api/v1/programs",
                                  "/api/v1/docs", "/admin/login/"])
def test_every_answer_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_script_that_reads_the_nonce_is_allowed_by_it(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/")
    middleware = CSPMiddleware(view)
    response = middleware(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in _directives(response["Content-Security-Policy"])["script-src"]


# Emails carry their own inline styles: they are never served as pages with the site's policy.
PAGE_TEMPLATES = [path for path in ROOT.glob("*/templates/**/*.html") if "/email/" not in str(path)]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")(?![^>]*\bnonce=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.I)


def test_no_page_template_needs_inline_script_or_style():
    assert len(PAGE_TEMPLATES) > 50
    offenders = [str(path.relative_to(ROOT)) for path in PAGE_TEMPLATES
                 if INLINE_SCRIPT.search(path.read_text()) or INLINE_STYLE.search(path.read_text())]
    assert offenders == []


def test_production_adds_hsts_secure_cookies_and_upgrades_requests(monkeypatch):
    monkeypatch.setenv("PRODUCTION", "1")
    monkeypatch.setenv("SECRET_KEY", "a-test-key-" + "z" * 40)
    try:
        production = importlib.reload(rial.settings)
        assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
        assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS
        assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
        assert production.SESSION_COOKIE_HTTPONLY
        assert production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] is True
    finally:
        monkeypatch.delenv("PRODUCTION")
        importlib.reload(rial.settings)


def test_the_hsts_header_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
