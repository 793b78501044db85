"""`manage.py backup` then `manage.py restore` into an empty database gives back every row and every file."""

import io

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from rial.core import backup
from rial.core.storage import private_storage
from rial.fund.tests.factories import contribution

pytestmark = pytest.mark.django_db(transaction=True)


# The search index is derived from the records: the restore's saves refresh it, so its rows come back
# with the same content under new ids.
DERIVED = {"search.SearchEntry", "search.SearchText", "search.SearchWord", "search.IndexState"}


def _rows() -> dict[str, list]:
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed:
            continue
        rows = list(model._base_manager.order_by("pk").values())
        if model._meta.auto_created:
            # A many-to-many link is saved with its record (dumpdata lists the linked ids); the link row's
            # own id, which nothing refers to, is new after a restore.
            rows = sorted(tuple(sorted((key, value) for key, value in row.items() if key != "id")) for row in rows)
        elif model._meta.label in DERIVED:
            rows = sorted(repr(sorted((key, value) for key, value in row.items() if not key.endswith("id")))
                          for row in rows)
        tables[model._meta.label] = rows
    return tables


def _files() -> dict[str, dict[str, str]]:
    return {label: {str(path.relative_to(root)): backup.sha256(path) for path in root.rglob("*") if path.is_file()}
            for label, root in backup.file_roots().items()}


@pytest.fixture
def platform_in_use(secretariat, focal_cl, settings, tmp_path):
    settings.RIAL_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    contribution(secretariat, "125.00")
    default_storage.save("newsletter/banner.png", ContentFile(b"\x89PNG public image"))
    private_storage.save("library/2024/report.pdf", ContentFile(b"%PDF-1.7 a private document"))


def test_a_backup_restored_into_an_empty_database_gives_back_every_row_and_file(platform_in_use, tmp_path):
    rows, files = _rows(), _files()
    assert sum(len(table) for table in rows.values()) > 100  # reference data, people, the ledger, history
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    [folder] = (tmp_path / "backups").iterdir()

    call_command("flush", interactive=False, verbosity=0)  # an empty database…
    for root in backup.file_roots().values():  # …and empty file folders
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    assert _rows() != rows

    call_command("restore", str(folder), stdout=io.StringIO())

    restored = _rows()
    assert restored.keys() == rows.keys()
    assert [label for label in rows if restored[label] != rows[label]] == []
    assert _files() == files


def test_a_damaged_backup_is_refused_before_anything_changes(platform_in_use, tmp_path):
    folder = backup.create(tmp_path / "backups")
    (folder / "files" / "private" / "library" / "2024" / "report.pdf").write_bytes(b"tampered")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(folder), "--check", stdout=io.StringIO())
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(folder), stdout=io.StringIO())


def test_a_database_with_records_is_not_overwritten(platform_in_use, tmp_path):
    folder = backup.create(tmp_path / "backups")
    with pytest.raises(CommandError, match="already holds records"):
        call_command("restore", str(folder), stdout=io.StringIO())


def test_old_backups_beyond_the_number_to_keep_are_removed(platform_in_use, tmp_path):
    destination = tmp_path / "backups"
    for stamp in ("20260101-000000", "20260102-000000", "20260103-000000"):
        (destination / f"rial-{stamp}").mkdir(parents=True)
        (destination / f"rial-{stamp}" / "manifest.json").write_text("{}")
    call_command("backup", str(destination), "--keep", "2", stdout=io.StringIO())
    kept = sorted(path.name for path in destination.iterdir())
    assert len(kept) == 2 and kept[0] == "rial-20260103-000000"
