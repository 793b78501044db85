"""Print the current TOTP code of the demo Secretariat account (a demo convenience, like an authenticator app).

It lives in directory because the demo accounts and their key are made by `rial/directory/demo.py`."""

import time

from django.core.management.base import BaseCommand
from django_otp.oath import totp

from rial.directory.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current six-digit code for the demo Secretariat account."

    def handle(self, *args, **options):
        self.stdout.write(f"{totp(bytes.fromhex(DEMO_TOTP_KEY), t0=0, step=30, digits=6, drift=0):06d}")
        self.stdout.write(f"(valid for {30 - int(time.time()) % 30} more seconds)")
