"""The people responsible for a mandate hear when it is assigned to them and when it is overdue, once each."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.conference.models import Mandate
from rial.conference.tasks import send_due_reminders
from rial.conference.tests import factories
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


@pytest.fixture
def mandate():
    plan = factories.plan()
    return factories.mandate(plan, factories.group(plan.conference, 1, chair="Chile"))


def test_assigning_a_mandate_tells_the_new_responsible_ministry_only(client, secretariat, mandate, focal_cl, focal_br,
                                                                      django_capture_on_commit_callbacks):
    focal_br.preferred_language = "pt"
    focal_br.save()
    login(client, secretariat)
    url = reverse("conference:mandate_edit", args=[mandate.pk])
    data = {"group": mandate.group_id, "responsible_institutions": [ministry("BR").pk], "due_date": "", "due_text": ""}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    [notification] = Notification.objects.filter(kind="conference.mandate.assigned")
    assert notification.user == focal_br and notification.language == "pt"
    assert notification.subject == "Um mandato do Plano de Ação foi atribuído a você"
    assert notification.url == f"/pt/conference/mandates/{mandate.pk}/"
    assert [message.to for message in mail.outbox] == [[focal_br.email]]
    # Saving again, or adding Chile, tells Brazil nothing new; Chile hears once.
    data["responsible_institutions"] = [ministry("BR").pk, ministry("CL").pk]
    client.post(url, data)
    client.post(url, data)
    assert sorted(n.user.username for n in Notification.objects.filter(kind="conference.mandate.assigned")) == [
        "focal-br", "focal-cl"]


def test_an_overdue_mandate_is_announced_once_per_due_date(mandate, focal_cl):
    Mandate.objects.filter(pk=mandate.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=3),
                                                 reminder_sent_for=timezone.localdate() - datetime.timedelta(days=3))
    send_due_reminders.call()
    send_due_reminders.call()
    [overdue] = Notification.objects.filter(kind="conference.mandate.overdue")
    assert overdue.user == focal_cl and "overdue" in overdue.subject
    Mandate.objects.filter(pk=mandate.pk).update(status=Mandate.Status.DONE, progress=100,
                                                 due_date=timezone.localdate() - datetime.timedelta(days=1))
    send_due_reminders.call()
    assert Notification.objects.filter(kind="conference.mandate.overdue").count() == 1  # done: not overdue


def test_overdue_mandates_are_flagged_where_mandates_are_listed(client, mandate):
    assert "Overdue" not in client.get(mandate.plan.get_absolute_url()).content.decode()
    Mandate.objects.filter(pk=mandate.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    for url in (mandate.plan.get_absolute_url(), mandate.group.get_absolute_url(), mandate.get_absolute_url()):
        assert 'class="badge badge-overdue">Overdue<' in client.get(url).content.decode(), url


def test_the_due_reminder_is_written_in_each_persons_language(mandate, focal_cl):
    focal_cl.preferred_language = "es"
    focal_cl.save()
    Mandate.objects.filter(pk=mandate.pk).update(due_date=timezone.localdate() + datetime.timedelta(days=10))
    send_due_reminders.call()
    [due] = Notification.objects.filter(kind="conference.mandate.due")
    assert due.language == "es" and due.subject.startswith("Un mandato vence el")
    assert due.url == f"/es/conference/mandates/{mandate.pk}/"
