"""Every string the code marks for translation is in its app's Spanish, Portuguese and French catalogs.

The completeness test in test_catalogs.py reads the catalogs only: a string added to the code without refreshing
the catalog would pass it and show in English. Here the catalogs are extracted afresh from a copy of the code
with Django's makemessages (GNU gettext) and compared with the catalogs in the repository.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

RIAL = Path(settings.BASE_DIR) / "rial"
APPS_WITH_CATALOGS = sorted(path.parent.name for path in RIAL.glob("*/locale"))


def _keys(catalog: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[tuple[str | None, str]]]:
    """The msgids makemessages finds in each app's code today, extracted into a copy of the tree."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed: apt-get install gettext (CI installs it)")
    copy = tmp_path_factory.mktemp("catalogs") / "rial"
    shutil.copytree(RIAL, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests"))
    found = {}
    here = os.getcwd()
    try:
        for app in APPS_WITH_CATALOGS:
            os.chdir(copy / app)
            call_command("makemessages", locale=["es"], no_location=True, no_obsolete=True, verbosity=0)
            found[app] = _keys(polib.pofile(str(copy / app / "locale" / "es" / "LC_MESSAGES" / "django.po")))
    finally:
        os.chdir(here)
    return found


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
@pytest.mark.parametrize("app", APPS_WITH_CATALOGS)
def test_the_catalog_holds_every_string_the_code_marks(extracted, app, language):
    path = RIAL / app / "locale" / language / "LC_MESSAGES" / "django.po"
    missing = extracted[app] - _keys(polib.pofile(str(path)))
    assert sorted(msgid for _, msgid in missing) == [], (
        f"{app}: refresh the {language} catalog (make messages) and translate the new entries"
    )
