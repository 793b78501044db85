"""Shared test set-up: reference data once per session, and named personas (Zulip style).

Personas: ``focal_cl`` (focal point of Chile's ministry), ``focal_br`` (Brazil's), ``member_co`` (an
official of Colombia's ministry, not a focal point), ``cosate_rep`` (social partner), ``ilo_rep``
(partner organization), ``secretariat`` (Technical Secretariat, with a confirmed TOTP device).
"""

import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from rial.core import pagecache
from rial.core.management.commands.load_demo import demo_modules
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position

SEEDS_DIR = Path(__file__).resolve().parent.parent / "shared" / "seeds"
# Writes made while the session's database is set up replace the page cache's token: keep that file out of var/.
django_settings.RIAL_PAGE_GENERATION_FILE = str(Path(tempfile.mkdtemp(prefix="rial-tests-")) / "page-generation")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every app's real reference data (its demo.load_reference), in INSTALLED_APPS order, once per session.
    with django_db_blocker.unblock():
        for _label, module in demo_modules():
            if hasattr(module, "load_reference"):
                module.load_reference()


@pytest.fixture(autouse=True)
def _reference_data_for_transactional_tests(request):
    """A transactional test (browser tests, with live_server) empties the database when it ends, so it
    cannot share the session's reference data: load it again (idempotent) before each such test."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    for _label, module in demo_modules():
        if hasattr(module, "load_reference"):
            module.load_reference()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # LocaleMiddleware activates a request's language and never deactivates it: without this, a test
    # that visited /es/ would make the next test's reverse() produce /es/ addresses.
    translation.activate(settings.LANGUAGE_CODE)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # The anonymous page cache would answer a test's second visit without running the view; the tests of
    # the cache itself turn it on (rial/core/tests/test_page_cache.py). Both of its stores in memory.
    settings.RIAL_PAGE_CACHE = False
    settings.CACHES = {**settings.CACHES,
                       "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
                       "page_generation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                           "LOCATION": "test-page-generation"}}
    settings.RIAL_PAGE_GENERATION_FILE = None
    # Values kept until the next write (rial/core/derived.py) must not pass from one test to the next: a test's
    # writes are rolled back, not committed, so they never change the token. A new token per test.
    pagecache.changed()


def _institution(slug: str) -> Institution:
    return Institution.objects.get(slug=slug)


@pytest.fixture
def focal_cl(db):
    return user_with_position("focal-cl", _institution(ministry_slug("CL")), focal_point=True)


@pytest.fixture
def focal_br(db):
    return user_with_position("focal-br", _institution(ministry_slug("BR")), focal_point=True)


@pytest.fixture
def member_co(db):
    return user_with_position("member-co", _institution(ministry_slug("CO")))


@pytest.fixture
def cosate_rep(db):
    return user_with_position("cosate-rep", _institution("cosate"))


@pytest.fixture
def ilo_rep(db):
    return user_with_position("ilo-rep", _institution("ilo"))


@pytest.fixture
def secretariat(db):
    user = user_with_position("secretariat", _institution("oas-technical-secretariat"))
    user.is_staff = True
    user.save()
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def login(client, user):
    """Log ``user`` in; a Secretariat user also passes the second factor, as after a real TOTP check."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def secretariat_client(client, secretariat):
    return login(client, secretariat)


@pytest.fixture
def seeds_dir():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seeds folder {SEEDS_DIR} not present")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run browser tests")
    return CHROMIUM
