"""Each person can turn off the email of a kind of notification: it is never emailed (immediately, in a
digest or a batch) and still appears in their in-app list. Kinds are those the apps' notices declare; the
Secretariat sees and changes these choices in the admin."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse

from conftest import login
from rial.core.emails import Recipient
from rial.directory.models import Institution
from rial.library import services as library
from rial.library.models import Document
from rial.library.tests.factories import DocumentFactory
from rial.notifications.kinds import declared_kinds
from rial.notifications.models import Delivery, Notification, NotificationSettings
from rial.notifications.services import notify
from rial.notifications.tasks import send_batches, send_digests

pytestmark = pytest.mark.django_db(transaction=True)

RETURNED = "library.document.returned"


def _tell(user, kind, key, batched=False):
    with transaction.atomic():
        return notify(kind=kind, key=key, recipients=[Recipient(email=user.email, language="en", user_id=user.pk)],
                      template="core/email/test_message", url="/en/library/", batched=batched)


def test_an_opted_out_kind_is_listed_in_app_and_never_emailed(client, ilo_rep, secretariat):
    NotificationSettings.objects.create(user=ilo_rep, email_off=[RETURNED])
    document = DocumentFactory(title_en="Care economy", status=Document.Status.DRAFT,
                               owner_institution=Institution.objects.get(slug="ilo"), source_url="https://example.org")
    library.document_submit(document=document, user=ilo_rep)
    mail.outbox.clear()
    library.document_return(document=document, user=secretariat, comment="Add the sources.")
    library.document_submit(document=document, user=ilo_rep)
    library.document_publish(document=document, user=secretariat)
    returned = Notification.objects.get(kind=RETURNED, user=ilo_rep)
    assert returned.email_off and returned.emailed_at is None
    # Other kinds still reach them by email; the Secretariat's own emails are untouched.
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted([
        (secretariat.email, "Document to review: Care economy"), (ilo_rep.email, "Document published: Care economy")])
    assert send_digests.call() == 0  # and no digest picks it up later
    page = login(client, ilo_rep).get(reverse("notifications:list")).content.decode()
    assert "Document returned with comments: Care economy" in page


def test_turned_off_after_it_was_made_it_is_still_not_emailed(focal_cl):
    NotificationSettings.objects.create(user=focal_cl, delivery=Delivery.DAILY)
    _tell(focal_cl, RETURNED, "a")
    _tell(focal_cl, "portfolio.program.returned", "b")
    _tell(focal_cl, RETURNED, "c", batched=True)
    NotificationSettings.objects.filter(user=focal_cl).update(email_off=[RETURNED])
    assert send_batches.call() == 0
    assert send_digests.call() == 1
    assert [message.to for message in mail.outbox] == [[focal_cl.email]]
    assert list(Notification.objects.filter(emailed_at__isnull=False).values_list("key", flat=True)) == ["b"]
    assert set(Notification.objects.filter(email_off=True).values_list("key", flat=True)) == {"a", "c"}
    assert Notification.objects.for_user(focal_cl).count() == 3


def test_the_settings_page_lists_every_declared_kind_and_saves_the_choice(client, focal_cl):
    login(client, focal_cl)
    page = client.get(reverse("notifications:settings")).content.decode()
    for label in declared_kinds().values():
        assert str(label).replace("'", "&#x27;") in page
    every = list(declared_kinds())
    wanted = [kind for kind in every if kind != "conference.mandate.due"]
    response = client.post(reverse("notifications:settings"), {"delivery": "immediate", "emailed_kinds": wanted})
    assert response.status_code == 302
    assert NotificationSettings.objects.get(user=focal_cl).email_off == ["conference.mandate.due"]
    page = client.get(reverse("notifications:settings")).content.decode()
    assert re.search(r'<input type="checkbox" name="emailed_kinds" value="conference.mandate.due"(?![^>]*checked)',
                     page)
    # A kind nobody declares is refused, and nothing changes.
    response = client.post(reverse("notifications:settings"), {"delivery": "immediate", "emailed_kinds": ["x.y"]})
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    assert NotificationSettings.objects.get(user=focal_cl).email_off == ["conference.mandate.due"]


def test_the_secretariat_manages_preferences_in_the_admin_and_nobody_else(client, secretariat, focal_cl):
    NotificationSettings.objects.create(user=focal_cl, email_off=["forums.post"])
    login(client, focal_cl)
    assert client.get(reverse("admin:notifications_notificationsettings_changelist")).status_code == 302
    login(client, secretariat)
    page = client.get(reverse("admin:notifications_notificationsettings_changelist")).content.decode()
    assert "focal-cl" in page and "Forums: new posts in what you follow" in page
    settings_row = NotificationSettings.objects.get(user=focal_cl)
    response = client.post(reverse("admin:notifications_notificationsettings_change", args=[settings_row.pk]),
                           {"user": focal_cl.pk, "delivery": "daily", "email_off": ["forums.post", RETURNED]})
    assert response.status_code == 302
    settings_row.refresh_from_db()
    assert (settings_row.delivery, sorted(settings_row.email_off)) == ("daily", ["forums.post", RETURNED])


def test_every_kind_the_code_sends_is_declared():
    sent = set()
    for path in Path(settings.BASE_DIR, "rial").rglob("*.py"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for literal in re.findall(r'notify\(\s*kind=f?"([^"]+)"', text):
            sent.add(literal)
    declared = set(declared_kinds())
    for kind in sent:
        if "{" in kind:  # f"portfolio.program.{outcome}": some declared kind has that prefix
            assert any(name.startswith(kind.split("{")[0]) for name in declared), kind
        else:
            assert kind in declared, kind
