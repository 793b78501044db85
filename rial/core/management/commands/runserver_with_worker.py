"""`make run`: the development server plus the background task worker, in one command."""

import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the platform and work the task queue (emails, imports, reminders) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"])  # noqa: S603 - our own command
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
