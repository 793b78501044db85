"""The notifications' "Open" button is a verb; "Open" is also the state of a consultation, a call and a forum
thread. Django merges every app's catalog and the first app listed wins a shared msgid: the button's "Abrir"
made an open consultation read "Abrir" on /es/. The button's word has a context of its own."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import Consultation
from rial.meetings.services.consultation import consultation_open

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "state", "button"), [("es", "Abierta", "Abrir"), ("pt", "Aberta", "Abrir"),
                                                           ("fr", "Ouverte", "Ouvrir")])
def test_an_open_consultation_reads_open_and_the_button_reads_open_it(client, secretariat, cosate_rep, language,
                                                                     state, button):
    consultation_open(consultation=Consultation(title="Approve the work plan?", description="Approve?",
                                                deadline=timezone.now() + datetime.timedelta(days=5)),
                      consulted=[Institution.objects.get(slug="cosate")], user=secretariat)
    login(client, cosate_rep)
    with translation.override(language):
        consultations, notifications = reverse("meetings:consultations"), reverse("notifications:list")
    listed = client.get(consultations).content.decode()
    assert f"{state} · " in listed and f"{button} · " not in listed
    assert f'<button type="submit">{button}<span class="visually-hidden">' in client.get(notifications).content.decode()
