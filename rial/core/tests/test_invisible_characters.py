"""Bidirectional controls and zero-width characters are stripped from names before they are stored."""

import pytest
from django.urls import reverse

from rial.directory.models import Institution, Person
from rial.directory.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

RIGHT_TO_LEFT_OVERRIDE = "\u202e"
ZERO_WIDTH_SPACE = "\u200b"


@pytest.mark.parametrize("written", [
    f"Ana {RIGHT_TO_LEFT_OVERRIDE}zeréP",
    f"Ana Pé{ZERO_WIDTH_SPACE}rez",
    "\u2066Ana Pérez\u2069",
    "\ufeffAna\u200d Pérez\u200e",
])
def test_a_person_s_name_is_stored_without_invisible_characters(written):
    person = PersonFactory(full_name=written)
    person.refresh_from_db()
    assert not any(character in person.full_name for character in "\u202e\u200b\u2066\u2069\ufeff\u200d\u200e")
    assert person.full_name.replace("zeréP", "Pérez") == "Ana Pérez"


def test_an_institution_renamed_with_an_override_is_shown_without_it(client):
    institution = Institution.objects.filter(kind="ministry").first()
    institution.name = f"Ministry of {RIGHT_TO_LEFT_OVERRIDE}robaL"
    institution.save()
    assert RIGHT_TO_LEFT_OVERRIDE not in Institution.objects.get(pk=institution.pk).name
    page = client.get(reverse("directory:institution", args=[institution.slug]))
    assert RIGHT_TO_LEFT_OVERRIDE not in page.content.decode()


def test_accented_and_other_scripts_stay_as_written():
    person = PersonFactory(full_name="João Ñúñez-Çelik ÆØÅ")
    person.refresh_from_db()
    assert Person.objects.get(pk=person.pk).full_name == "João Ñúñez-Çelik ÆØÅ"
