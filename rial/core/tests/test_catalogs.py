"""Every app's Spanish, Portuguese and French catalogs are complete and well formed, and the catalogs compile without GNU gettext."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

RIAL = Path(settings.BASE_DIR) / "rial"
SPANISH = sorted(RIAL.glob("*/locale/es/LC_MESSAGES/django.po"))
# Django's own Spanish catalog uses this rule (one, millions, other); ours must match or Django keeps two.
SPANISH_PLURALS = "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
FOUNDATION = ("core", "directory", "accounts", "topics", "portal")


def _id(path: Path) -> str:
    return path.parts[-5]


def test_the_foundation_apps_ship_spanish_portuguese_and_french_catalogs():
    for app in FOUNDATION:
        for language in ("es", "pt", "fr"):
            assert (RIAL / app / "locale" / language / "LC_MESSAGES" / "django.po").is_file(), (app, language)


@pytest.mark.parametrize("path", SPANISH, ids=_id)
def test_every_spanish_entry_is_translated_and_not_fuzzy(path):
    catalog = polib.pofile(str(path))
    assert not catalog.metadata_is_fuzzy
    assert catalog.metadata["Plural-Forms"].strip() == SPANISH_PLURALS
    problems = [entry.msgid for entry in catalog if entry.fuzzy or entry.obsolete or not entry.translated()]
    assert problems == []


@pytest.mark.parametrize("path", SPANISH, ids=_id)
def test_spanish_plurals_have_three_forms_and_placeholders_survive(path):
    for entry in polib.pofile(str(path)):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1, 2], entry.msgid
            translations = list(entry.msgstr_plural.values())
        else:
            translations = [entry.msgstr]
        expected = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in translations:
            found = set(PLACEHOLDER.findall(text))
            # A plural form may leave the number out ("Un Estado miembro"), never add an unknown name.
            assert found <= expected if entry.msgid_plural else found == expected, entry.msgid


APPS_WITH_CATALOGS = sorted(path.parent.name for path in RIAL.glob("*/locale"))
# Portuguese and French have two plural forms (French counts 0 and 1 as singular).
PLURALS = {"pt": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}


@pytest.mark.parametrize("language", ["pt", "fr"])
@pytest.mark.parametrize("app", APPS_WITH_CATALOGS)
def test_portuguese_and_french_are_complete_for_every_app(app, language):
    path = RIAL / app / "locale" / language / "LC_MESSAGES" / "django.po"
    assert path.is_file(), f"{app} has no {language} catalog"
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Plural-Forms"].strip() == PLURALS[language]
    problems = [entry.msgid for entry in catalog if entry.fuzzy or not entry.translated()]
    assert problems == []
    for entry in catalog:
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in translations:
            found = set(PLACEHOLDER.findall(text))
            assert found <= expected if entry.msgid_plural else found == expected, entry.msgid


def test_compile_catalogs_writes_a_mo_file_that_gettext_reads(settings, tmp_path):
    source = RIAL / "portal" / "locale" / "es" / "LC_MESSAGES" / "django.po"
    target = tmp_path / "rial" / "portal" / "locale" / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(source, target / "django.po")
    settings.BASE_DIR = tmp_path
    call_command("compile_catalogs", stdout=open("/dev/null", "w"))  # noqa: SIM115
    compiled = polib.mofile(str(target / "django.mo"))
    assert compiled.find("Home").msgstr == "Inicio"


DRAFT = re.compile(r"\bdrafts?\b", re.IGNORECASE)


@pytest.mark.parametrize("path", SPANISH, ids=_id)
def test_spanish_says_borrador_for_draft_and_filtrar_on_filter_buttons(path):
    # One word for one thing: a draft program, call, plan, report or forum text is a "borrador" on every
    # page (the catalogs had mixed "proyecto", so a draft plan read as a project). The verb ("Draft the
    # report") is "redactar" and is not concerned.
    for entry in polib.pofile(str(path)):
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if DRAFT.search(entry.msgid):
            assert not any("proyecto" in text.lower() for text in translations), entry.msgid
        if entry.msgid.startswith("Filter") and not entry.msgid.startswith("Filters"):
            assert all(text.startswith("Filtrar") for text in translations), entry.msgid
