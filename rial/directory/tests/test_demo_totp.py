"""`manage.py demo_totp` prints the code the demo Secretariat account's authenticator would show."""

import io

from django.core.management import call_command
from django_otp.oath import totp

from rial.directory.demo import DEMO_TOTP_KEY


def test_demo_totp_prints_the_current_code_of_the_demo_key():
    output = io.StringIO()
    call_command("demo_totp", stdout=output)
    code = output.getvalue().splitlines()[0]
    # The 30-second window may turn between the command and this line: either code is the current one.
    expected = {f"{totp(bytes.fromhex(DEMO_TOTP_KEY), t0=0, step=30, digits=6, drift=drift):06d}" for drift in (-1, 0)}
    assert code in expected
