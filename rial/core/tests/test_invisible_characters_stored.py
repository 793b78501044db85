"""Names stored before invisible characters were stripped on save are cleaned by a data migration (and
by ``manage.py strip_invisible``), without a history row and without touching long texts."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from rial.directory.models import Institution, Person
from rial.directory.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("rial.portal.migrations.0001_strip_invisible_characters")


def _stored_with_invisible_characters():
    """Rows as an earlier version stored them: update() skips the cleaning done on save."""
    person = PersonFactory(full_name="Ana Pérez")
    Person.objects.filter(pk=person.pk).update(full_name="Ana \u202ezeréP\u200b", email="ana\u200d@example.org")
    institution = Institution.objects.filter(kind="ministry").first()
    Institution.objects.filter(pk=institution.pk).update(name="\u2066Ministry of Labor\u2069")
    return person, institution


def test_the_migration_cleans_the_rows_already_stored():
    person, institution = _stored_with_invisible_characters()
    history = person.history.count()
    MIGRATION.strip_invisible(apps, None)
    person.refresh_from_db()
    institution.refresh_from_db()
    assert person.full_name == "Ana zeréP" and person.email == "ana@example.org"
    assert institution.name == "Ministry of Labor"
    assert person.history.count() == history  # a cleaning, not an edit by someone


def test_the_command_counts_first_and_then_cleans():
    person, _institution = _stored_with_invisible_characters()
    output = StringIO()
    call_command("strip_invisible", "--dry-run", stdout=output)
    assert "directory.Person: 1" in output.getvalue() and "directory.Institution: 1" in output.getvalue()
    assert "\u202e" in Person.objects.get(pk=person.pk).full_name  # a dry run changes nothing
    call_command("strip_invisible", stdout=StringIO())
    assert Person.objects.get(pk=person.pk).full_name == "Ana zeréP"
    output = StringIO()
    call_command("strip_invisible", stdout=output)
    assert "0 rows cleaned." in output.getvalue()


def test_long_texts_and_clean_names_are_left_as_written():
    person = PersonFactory(full_name="João Ñúñez")
    institution = Institution.objects.filter(kind="ministry").first()
    Institution.objects.filter(pk=institution.pk).update(address="Avenida\u200b 1")
    MIGRATION.strip_invisible(apps, None)
    assert Person.objects.get(pk=person.pk).full_name == "João Ñúñez"
    assert "\u200b" in Institution.objects.get(pk=institution.pk).address
