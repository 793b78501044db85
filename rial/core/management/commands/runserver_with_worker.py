"""`make run`: prepare the database, then serve the platform with the background task worker beside it."""

import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the platform and work the task queue (emails, imports, reminders) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--prepare", action="store_true",
                            help="First migrate and load reference and demo data (idempotent), in this process: "
                                 "one Django start instead of three keeps a second `make run` fast.")

    def handle(self, *args, addrport: str, prepare: bool = False, **options):
        if prepare:
            call_command("migrate", interactive=False, verbosity=1)
            call_command("load_demo")
            # After an upgrade that changed how words become index terms, the old index finds too little.
            call_command("rebuild_search_index", if_stale=True)
        worker = subprocess.Popen([sys.executable, "manage.py", "task_worker"])  # noqa: S603 - our own command
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
