"""`manage.py load_demo` (run by `make run` every time): idempotent, marked DEMO, one account per role."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rial.accounts.roles import roles_for
from rial.core.actions import REFERENCE_UPDATED
from rial.core.management.commands.load_demo import demo_modules
from rial.directory.models import Country, Institution, Person
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def _history_rows() -> int:
    return sum(model.history.count() for model in (Country, Institution, Person, Topic))


def test_loading_twice_changes_nothing_and_writes_no_history(django_user_model):
    call_command("load_demo", stdout=io.StringIO())
    counts = (django_user_model.objects.count(), Person.objects.count(), Institution.objects.count())
    history = _history_rows()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert (django_user_model.objects.count(), Person.objects.count(), Institution.objects.count()) == counts
    assert _history_rows() == history
    assert "demo-focal-cl" in output.getvalue()
    # Each app's demo_notes() hook says how to sign in (core finds it by name, never imports the app).
    assert "Password for all: demo-rial-2026" in output.getvalue()
    assert "manage.py demo_totp" in output.getvalue()


def test_a_changed_reference_fact_is_updated_with_a_history_row():
    Country.objects.filter(iso2="CL").update(name_en="Old name")
    for _label, module in demo_modules():
        if hasattr(module, "load_reference"):
            module.load_reference()
    chile = Country.objects.get(iso2="CL")
    assert chile.name_en == "Chile"
    assert chile.history.latest("history_id").history_change_reason == REFERENCE_UPDATED


def test_there_is_one_demo_account_per_role_and_every_demo_person_says_so(django_user_model):
    call_command("load_demo", stdout=io.StringIO())
    roles = set()
    for user in django_user_model.objects.filter(username__startswith="demo-"):
        roles.update(roles_for(user).names)
        assert user.person.is_demo
        assert user.person.full_name.startswith("DEMO ")
    assert {"secretariat", "focal_point", "ministry_member", "social_partner", "partner_organization"} <= roles


def test_production_refuses_demo_accounts(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", "--reference-only", stdout=io.StringIO())
