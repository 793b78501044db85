"""Load the reference data and the demo data set of every app, idempotently.

Each app may have a ``demo.py`` with ``load_reference()`` (real facts, with sources), ``load_demo()``
(invented records, visibly marked DEMO) and ``demo_notes()`` (lines telling a person how to sign in).
They run in INSTALLED_APPS order, so an app finds the data of the apps it depends on. core sits below
every app, so it finds these hooks by name and never imports an app's demo module itself.
"""

import os
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def demo_modules():
    for config in apps.get_app_configs():
        if config.name.startswith("rial.") and find_spec(f"{config.name}.demo") is not None:
            yield config.label, import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Load reference data and the clearly labelled demo data set (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--reference-only", action="store_true", help="Load real reference data only.")
        parser.add_argument("--force", action="store_true", help="Allow demo data with PRODUCTION=1.")

    def handle(self, *args, reference_only: bool = False, force: bool = False, **options):
        if settings.PRODUCTION and not reference_only and not force:
            raise CommandError("Refusing to load demo accounts into a production site (use --reference-only).")
        modules = list(demo_modules())
        for label, module in modules:
            if hasattr(module, "load_reference"):
                summary = module.load_reference()
                self.stdout.write(f"reference  {label:<12} {summary or 'ok'}")
        if reference_only:
            return
        accounts = []
        for label, module in modules:
            if hasattr(module, "load_demo"):
                result = module.load_demo()
                if isinstance(result, list):
                    accounts.extend(result)
                self.stdout.write(f"demo       {label:<12} ok")
        port = os.environ.get("PORT", "8000")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo accounts"))
        for username, role in accounts:
            self.stdout.write(f"  {username:<20} {role}")
        for _label, module in modules:
            for line in getattr(module, "demo_notes", list)():
                self.stdout.write(f"  {line}")
        self.stdout.write(f"Open http://127.0.0.1:{port}/")
