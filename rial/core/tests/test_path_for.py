"""``path_for``: the address of a list's records, reversed once and given each key, equals ``path_of``."""

import pytest
from django.urls import get_script_prefix, set_script_prefix
from django.utils import translation

from rial.core.searchable import path_for, path_of
from rial.library.models import Document
from rial.library.tests.factories import DocumentFactory
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_it_gives_the_language_neutral_path_of_each_record(language):
    program, document = ProgramFactory(), DocumentFactory()
    with translation.override(language):
        assert path_for("portfolio:detail", program.pk) == path_of(program) == f"/programs/{program.pk}/"
        assert path_for("library:detail", document.pk) == path_of(document) == f"/library/{document.pk}/"
        assert path_for("library:detail", 7) == path_of(Document(pk=7))


def test_a_script_prefix_is_kept_as_path_of_keeps_it():
    program = ProgramFactory()
    before = get_script_prefix()
    set_script_prefix("/rial/")
    try:
        assert path_for("portfolio:detail", program.pk) == path_of(program) == f"/rial/en/programs/{program.pk}/"
    finally:
        set_script_prefix(before)
    assert path_for("portfolio:detail", program.pk) == f"/programs/{program.pk}/"
