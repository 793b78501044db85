"""The in-app list, marking read, the unread count in the header, and choosing immediate or daily emails."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import login
from rial.core.emails import Recipient
from rial.notifications.models import Delivery, Notification, NotificationSettings
from rial.notifications.services import notify

pytestmark = pytest.mark.django_db


def _tell(user, count=1, prefix="e"):
    recipient = Recipient(email=user.email, language="en", user_id=user.pk)
    for number in range(count):
        notify(kind="core.test", key=f"{prefix}:{number}", recipients=[recipient], template="core/email/test_message",
               url="/en/programs/")


def test_the_header_shows_the_unread_count_and_the_list_page_lists_them(client, focal_cl, focal_br):
    _tell(focal_cl, 3)
    _tell(focal_br, 1)
    login(client, focal_cl)
    page = client.get(reverse("portal:home")).content.decode()
    assert '<span class="badge badge-count">3<span class="visually-hidden"> unread</span></span>' in page
    response = client.get(reverse("notifications:list"))
    assert [n.user_id for n in response.context["page"].object_list] == [focal_cl.pk] * 3
    assert "Test message from the platform" in response.content.decode()


def test_opening_one_marks_it_read_and_follows_its_link(client, focal_cl):
    _tell(focal_cl, 2)
    first = Notification.objects.for_user(focal_cl).first()
    login(client, focal_cl)
    response = client.post(reverse("notifications:read"), {"id": first.pk, "next": first.url})
    assert response.status_code == 302 and response["Location"] == "/en/programs/"
    assert Notification.objects.for_user(focal_cl).unread().count() == 1
    client.post(reverse("notifications:read"))
    assert Notification.objects.for_user(focal_cl).unread().count() == 0
    assert "badge-count" not in client.get(reverse("portal:home")).content.decode()


def test_an_outside_link_is_not_followed_and_nobody_marks_another_persons_notifications(client, focal_cl, focal_br):
    _tell(focal_br, 1)
    login(client, focal_cl)
    other = Notification.objects.for_user(focal_br).get()
    response = client.post(reverse("notifications:read"), {"id": other.pk, "next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications:list")
    assert Notification.objects.for_user(focal_br).unread().count() == 1
    _tell(focal_cl, 1)
    response = client.post(reverse("notifications:read"), {"id": "all"})  # bad input: nothing changes
    assert response["Location"] == reverse("notifications:list")
    assert Notification.objects.for_user(focal_cl).unread().count() == 1


def test_a_person_chooses_the_daily_digest(client, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("notifications:settings")).status_code == 200
    response = client.post(reverse("notifications:settings"), {"delivery": Delivery.DAILY})
    assert response.status_code == 302
    assert NotificationSettings.objects.get(user=focal_cl).delivery == Delivery.DAILY
    response = client.post(reverse("notifications:settings"), {"delivery": "hourly"})
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    assert NotificationSettings.objects.get(user=focal_cl).delivery == Delivery.DAILY


def test_the_pages_need_an_account(client):
    for name in ("notifications:list", "notifications:settings"):
        assert client.get(reverse(name)).status_code == 302


def test_the_header_count_is_one_query_whatever_the_number_of_notifications(client, focal_cl):
    login(client, focal_cl)
    _tell(focal_cl, 30)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("accounts:profile"))
    assert len([q for q in queries.captured_queries if "notifications_notification" in q["sql"]]) == 1


def test_the_list_page_runs_a_fixed_number_of_queries(client, focal_cl, django_assert_max_num_queries):
    login(client, focal_cl)
    _tell(focal_cl, 2)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("notifications:list"))
    _tell(focal_cl, 40, prefix="more")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("notifications:list"))


def test_the_account_page_leads_to_the_email_choice(client, focal_cl):
    page = login(client, focal_cl).get(reverse("accounts:profile")).content.decode()
    assert f'href="{reverse("notifications:settings")}"' in page
