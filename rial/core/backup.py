"""A backup of the whole platform, and its restore into an empty database: `manage.py backup` / `restore`.

A backup is one folder ``rial-YYYYMMDD-HHMMSS`` with:

- ``database.xml.gz``: every row of every table (``dumpdata``, base managers so archived records are in,
  content types and permissions with their ids so every reference stays valid), portable between SQLite
  and PostgreSQL and between servers (many-to-many links are saved with their records; the link rows get
  new ids of their own, which nothing refers to);
- ``files/public/`` and ``files/private/``: the uploaded files (MEDIA_ROOT, and the private files that the
  platform serves only after a permission check);
- ``manifest.json``: the SHA-256 and size of every file above, the applied migrations and the versions.

The restore checks every checksum before it changes anything, refuses a database that already holds
records, migrates, loads the rows and puts the files back.
"""

import datetime
import hashlib
import json
import shutil
from pathlib import Path

import django
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from rial.core.storage import private_storage

DATABASE_FILE = "database.xml.gz"
MANIFEST = "manifest.json"
PREFIX = "rial-"
# Rows that `migrate` writes itself; the backup's copies replace them (same ids as the references).
SCHEMA_ROWS = (ContentType, Permission)


def file_roots() -> dict[str, Path]:
    return {"public": Path(default_storage.location), "private": Path(private_storage.location)}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_under(root: Path):
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                yield path


def create(destination: Path) -> Path:
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = destination / f"{PREFIX}{stamp}"
    partial = destination / f".{PREFIX}{stamp}.partial"  # renamed once complete: a crash leaves no half backup
    partial.mkdir(parents=True)
    # XML keeps datetimes to the microsecond; the JSON serializer rounds them to milliseconds.
    call_command("dumpdata", all=True, format="xml", output=str(partial / DATABASE_FILE), verbosity=0)
    for label, root in file_roots().items():
        for path in _files_under(root):
            target = partial / "files" / label / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    checksums = {str(path.relative_to(partial)): {"sha256": sha256(path), "size": path.stat().st_size}
                 for path in _files_under(partial)}
    manifest = {
        "created": stamp, "django": django.get_version(), "database_vendor": connection.vendor,
        "migrations": sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()),
        "files": checksums,
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    partial.rename(folder)
    return folder


def prune(destination: Path, keep: int) -> list[Path]:
    backups = sorted(path for path in destination.glob(f"{PREFIX}*") if (path / MANIFEST).is_file())
    removed = backups[:-keep] if keep > 0 else []
    for path in removed:
        shutil.rmtree(path)
    return removed


def verify(folder: Path) -> dict:
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise CommandError(f"{folder} is not a backup: it has no {MANIFEST}.")
    manifest = json.loads(manifest_path.read_text())
    listed = set(manifest["files"])
    present = {str(path.relative_to(folder)) for path in _files_under(folder)} - {MANIFEST}
    if listed != present:
        raise CommandError(f"The backup's files differ from its manifest: missing {sorted(listed - present)}, "
                           f"unexpected {sorted(present - listed)}.")
    for name, expected in manifest["files"].items():
        if sha256(folder / name) != expected["sha256"]:
            raise CommandError(f"{name} is damaged: its checksum differs from the manifest's.")
    return manifest


def _records_present() -> list[str]:
    schema = {model._meta.label for model in SCHEMA_ROWS}
    return [model._meta.label for model in apps.get_models(include_auto_created=True)
            if model._meta.label not in schema and model._meta.managed
            and model._base_manager.using(connection.alias).exists()]


def restore(folder: Path) -> dict:
    manifest = verify(folder)
    call_command("migrate", interactive=False, verbosity=0)
    occupied = _records_present()
    if occupied:
        raise CommandError("Nothing was restored: the database already holds records "
                           f"({', '.join(occupied[:5])}{'…' if len(occupied) > 5 else ''}). Restore into an empty one.")
    for label, root in file_roots().items():
        source = folder / "files" / label
        for path in _files_under(source):
            target = root / path.relative_to(source)
            if target.exists() and sha256(target) != sha256(path):
                raise CommandError(f"Nothing was restored: {target} exists with other content.")
    with transaction.atomic():
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        call_command("loaddata", str(folder / DATABASE_FILE), verbosity=0)
    for label, root in file_roots().items():
        source = folder / "files" / label
        for path in _files_under(source):
            target = root / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    ContentType.objects.clear_cache()
    return manifest


__all__ = ["create", "prune", "restore", "verify"]
