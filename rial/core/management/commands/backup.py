"""`manage.py backup DEST`: the database and every uploaded file, with a checksum manifest (rial/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from rial.core import backup


class Command(BaseCommand):
    help = "Write a complete backup (database rows, public and private files, checksums) into a new folder of DEST."

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path)
        parser.add_argument("--keep", type=int, default=0,
                            help="Then delete the oldest backups in DEST beyond this many (0: keep all).")

    def handle(self, *args, destination: Path, keep: int, **options):
        folder = backup.create(destination)
        self.stdout.write(f"Backup written to {folder}")
        for removed in backup.prune(destination, keep):
            self.stdout.write(f"Removed the old backup {removed}")
