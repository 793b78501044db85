"""A delegation the service refuses (an address already registered) is shown on the form it came from, at the
top with the form's other errors, and nothing is saved."""

import pytest
from django.urls import reverse

from conftest import login
from rial.events.models import Registration
from rial.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_a_refused_delegation_stays_on_its_form_with_the_reason(client, focal_cl):
    event = make_event(title="Dialogue of gender units", kind="dialogue")
    login(client, focal_cl)
    url = reverse("events:delegation", args=[event.pk])
    chile = focal_cl.person.positions.first().institution
    form = {"institution": chile.pk, "delegate-TOTAL_FORMS": "1", "delegate-INITIAL_FORMS": "0",
            "delegate-0-full_name": "Ana Pérez", "delegate-0-email": "ana@example.cl", "delegate-0-language": "es"}
    assert client.post(url, form).status_code == 302
    form["delegate-0-full_name"] = "Ana María Pérez"
    response = client.post(url, form)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="form-errors error-summary"' in page and "ana@example.cl" in page
    assert Registration.objects.filter(event=event).count() == 1
