"""`manage.py restore FOLDER`: a backup back into an empty database and the file folders (rial/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from rial.core import backup


class Command(BaseCommand):
    help = "Check a backup's checksums, then load it into an empty database and put its files back."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--check", action="store_true", help="Only check the checksums; change nothing.")

    def handle(self, *args, folder: Path, check: bool, **options):
        if check:
            manifest = backup.verify(folder)
            self.stdout.write(f"The backup of {manifest['created']} is complete: {len(manifest['files'])} files match.")
            return
        manifest = backup.restore(folder)
        self.stdout.write(f"Restored the backup of {manifest['created']} ({len(manifest['files'])} files).")
