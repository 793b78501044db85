"""Values kept until the next committed write (rial/core/derived.py) are never read after a change."""

import pytest
from django.db import transaction
from django.utils import translation

from rial.core import derived, pagecache
from rial.directory.models import Country

pytestmark = pytest.mark.django_db


class Builder:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_value_is_built_once_and_kept_while_nothing_is_written():
    build = Builder()
    assert derived.cached("test-kept", build, "a") == "value 1"
    assert derived.cached("test-kept", build, "a") == "value 1"
    assert build.calls == 1


def test_a_committed_write_makes_the_next_read_build_the_value_again():
    build = Builder()
    derived.cached("test-write", build)
    pagecache.changed()  # what every committed write to a public table runs (transaction.on_commit)
    assert derived.cached("test-write", build) == "value 2"


def test_parts_and_the_language_are_part_of_the_key():
    build = Builder()
    derived.cached("test-key", build, "CL")
    derived.cached("test-key", build, "BR")
    with translation.override("es"):
        derived.cached("test-key", build, "CL")
    assert build.calls == 3


def test_a_transaction_that_wrote_a_public_table_neither_reads_nor_stores_a_kept_value():
    build = Builder()
    derived.cached("test-pending", build)
    with transaction.atomic():
        Country.objects.filter(iso2="CL").update(name_en="Chile")  # not committed: the token has not changed yet
        assert derived.cached("test-pending", build) == "value 2"
        assert derived.cached("test-pending", build) == "value 3"
    # The test's own transaction still holds the write: every read builds until it commits.
    assert derived.cached("test-pending", build) == "value 4"


def test_an_unreadable_token_means_no_cache(settings, tmp_path):
    settings.RIAL_PAGE_GENERATION_FILE = str(tmp_path / "not-a-file")
    (tmp_path / "not-a-file").mkdir()  # reading a folder fails
    build = Builder()
    derived.cached("test-unreadable", build)
    derived.cached("test-unreadable", build)
    assert build.calls == 2


def test_a_filter_form_is_drawn_for_its_values_and_again_after_a_write():
    from django.http import QueryDict

    from rial.library.forms import DocumentFilterForm

    template = "library/includes/filters.html"
    empty = derived.form_html("test-filters", DocumentFilterForm(None), template)
    chosen = derived.form_html("test-filters", DocumentFilterForm(QueryDict("country=CL")), template)
    assert '<option value="CL" selected>' in chosen and '<option value="CL" selected>' not in empty
    assert derived.form_html("test-filters", DocumentFilterForm(None), template) == empty
    Country.objects.filter(iso2="CL").update(name_en="Chile (renamed)")
    pagecache.changed()  # what the commit of that write runs
    assert "Chile (renamed)" in derived.form_html("test-filters", DocumentFilterForm(None), template)
