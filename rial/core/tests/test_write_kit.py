"""The write kit every app shares: workflow moves, service errors on forms, emails in the recipient's language."""

import datetime

import pytest
from django import forms
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import translation

from rial.core.emails import Recipient, absolute_url, send_email
from rial.core.forms import add_service_error
from rial.core.languages import LANGUAGE_CODES, supported, translated_field_names
from rial.core.workflow import Move, Workflow
from rial.directory.models import Country, Institution, Person, Position
from rial.directory.recipients import focal_point_recipients, recipient_for_person, recipient_for_user
from rial.directory.tests.factories import user_with_position


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"


FLOW = Workflow(field="state", states=State, moves={
    "submit": Move({State.DRAFT}, State.SUBMITTED, "submit", "x.submit"),
    "publish": Move({State.SUBMITTED}, State.PUBLISHED, "publish", "x.publish"),
    "return": Move({State.SUBMITTED}, State.DRAFT, "return"),
})


class Record:
    def __init__(self, state):
        self.state = state


class Allows:
    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm, obj=None):
        return perm in self.perms


def test_a_legal_move_sets_the_new_state_and_returns_the_old():
    record = Record(State.DRAFT)
    assert FLOW.move(record, "submit", user=Allows("x.submit")) == State.DRAFT
    assert record.state == State.SUBMITTED


def test_an_illegal_move_is_refused_naming_the_possible_ones():
    record = Record(State.SUBMITTED)
    with pytest.raises(ValidationError) as refused:
        FLOW.move(record, "submit", user=Allows("x.submit"))
    assert refused.value.messages == [
        "“submit” is not possible when the status is “Submitted”. Possible now: “publish”, “return”."]
    assert record.state == State.SUBMITTED


def test_a_move_without_its_permission_is_forbidden():
    with pytest.raises(PermissionDenied):
        FLOW.move(Record(State.SUBMITTED), "publish", user=Allows("x.submit"))


def test_allowed_lists_only_what_the_user_may_do_now():
    assert FLOW.allowed(Record(State.SUBMITTED), Allows()) == ["return"]
    assert FLOW.allowed(Record(State.SUBMITTED), Allows("x.publish")) == ["publish", "return"]


def test_a_table_naming_an_unknown_state_fails_at_import():
    with pytest.raises(ValueError):
        Workflow(field="state", states=State, moves={"x": Move({"nowhere"}, State.DRAFT, "x")})


def test_the_refusal_is_translated():
    with translation.override("es"), pytest.raises(ValidationError) as refused:
        FLOW.move(Record(State.PUBLISHED), "publish", user=Allows("x.publish"))
    assert "no es posible" in refused.value.messages[0]


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_service_error_lands_next_to_its_field_or_on_top():
    form = NameForm({"name": "x"})
    assert form.is_valid()
    add_service_error(form, ValidationError({"name": "Taken.", "other": "Elsewhere."}))
    add_service_error(form, ValidationError("Refused."))
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Elsewhere.", "Refused."]


def test_one_language_list():
    assert LANGUAGE_CODES == ("en", "es", "pt", "fr")
    assert translated_field_names("name") == ["name_en", "name_es", "name_pt", "name_fr"]
    assert supported("pt-BR") == "pt" and supported("nl") is None


def test_an_email_is_written_in_the_recipients_language(settings, tmp_path):
    settings.SITE_URL = "https://rial.example.org"
    recipient = Recipient(email="ana@example.org", language="es", name="Ana")
    # The password reset templates exist in every language Django ships; ours are rendered the same way.
    send_email(template="core/email/test_message", recipient=recipient, context={"what": "x"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject == "Mensaje de prueba de la plataforma"
    assert "https://rial.example.org/es/" in message.body
    assert absolute_url("/en/x/") == "https://rial.example.org/en/x/"


@pytest.mark.django_db
def test_a_person_is_written_to_in_their_profile_language_else_their_countrys():
    brazil = Institution.objects.get(slug="ministry-br")
    user = user_with_position("pt-person", brazil, focal_point=True)
    user.email = "p@example.org"
    user.preferred_language = ""
    user.save()
    assert recipient_for_user(user).language == "pt"
    user.preferred_language = "fr"
    user.save()
    assert recipient_for_user(user).language == "fr"


@pytest.mark.django_db
def test_focal_point_recipients_skip_archived_people_and_inactive_accounts():
    chile = Institution.objects.get(slug="ministry-cl")
    active = user_with_position("fp-active", chile, focal_point=True)
    archived = user_with_position("fp-archived", chile, focal_point=True)
    inactive = user_with_position("fp-inactive", chile, focal_point=True)
    for user in (active, archived, inactive):
        user.email = f"{user.username}@example.org"
        user.preferred_language = ""
        user.save()
    archived.person.archive()
    archived.person.save()
    inactive.is_active = False
    inactive.save()
    recipients = focal_point_recipients([chile.pk])
    assert [r.email for r in recipients] == ["fp-active@example.org"]
    assert recipients[0].language == "es"


@pytest.mark.django_db
def test_a_person_without_account_gets_their_countrys_language():
    person = Person.objects.create(full_name="Jean", email="jean@example.org")
    Position.objects.create(person=person, institution=Institution.objects.get(slug="ministry-ht"), title="x",
                            start=datetime.date(2020, 1, 1))
    assert recipient_for_person(person).language == Country.objects.get(iso2="HT").language == "fr"
