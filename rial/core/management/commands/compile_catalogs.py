"""Compile every gettext catalog (.po → .mo) with polib, so installing needs no GNU gettext."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the platform's translation catalogs (pure Python; run by make install)."

    def handle(self, *args, **options):
        count = 0
        for po_path in sorted((Path(settings.BASE_DIR) / "rial").glob("*/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"compiled {count} catalog(s)")
