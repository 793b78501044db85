"""The public list (upcoming/past, kind, topic, country) with flat query counts, the event page (online
link only for confirmed participants), the API, the one calendar feed."""

import pytest
from django.urls import reverse

from conftest import login
from rial.directory.models import Country, Institution
from rial.events.models import Registration
from rial.events.services import register_self
from rial.events.tests.factories import make_event
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def _many_events(count: int):
    peru = Country.objects.get(iso2="PE")
    topic = Topic.objects.exclude(parent=None).first()
    for number in range(count):
        event = make_event(title=f"Webinar {number}", kind="webinar", days_ahead=5 + number, country=peru, capacity=50)
        event.meeting.topics.add(topic)
        Registration.objects.create(event=event, full_name="X", email=f"x{number}@example.org",
                                    status=Registration.Status.CONFIRMED)


def test_the_list_keeps_its_query_count_flat(client, django_assert_max_num_queries):
    _many_events(3)
    with django_assert_max_num_queries(6) as few:
        assert client.get("/en/events/").status_code == 200
    _many_events(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/events/")
    assert response.content.decode().count("Webinar ") >= 43


def test_upcoming_past_kind_topic_and_country_filters(client):
    ahead = make_event(title="Course ahead", kind="course", country=Country.objects.get(iso2="CL"))
    past = make_event(title="Dialogue held", kind="dialogue", days_ahead=-30)
    topic = Topic.objects.exclude(parent=None).first()
    past.meeting.topics.add(topic)
    page = client.get("/en/events/").content.decode()
    assert "Course ahead" in page and "Dialogue held" not in page
    page = client.get("/en/events/?when=past").content.decode()
    assert "Dialogue held" in page and "Course ahead" not in page
    assert "Course ahead" in client.get("/en/events/?when=all&kind=course").content.decode()
    assert "Dialogue held" not in client.get("/en/events/?when=all&kind=course").content.decode()
    assert "Dialogue held" in client.get(f"/en/events/?when=all&topic={topic.slug}").content.decode()
    by_country = client.get("/en/events/?when=all&country=CL").content.decode()
    assert "Course ahead" in by_country and "Dialogue held" not in by_country
    assert ahead.meeting.title in client.get("/es/events/").content.decode()


def test_the_online_link_is_shown_only_to_confirmed_participants(client, member_co, focal_br, cosate_rep):
    event = make_event(capacity=1, online_link="https://meet.example.org/secret-room")
    register_self(event=event, user=member_co)
    register_self(event=event, user=focal_br)  # waiting list
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    login(client, focal_br)
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    login(client, member_co)
    assert "secret-room" in client.get(event.get_absolute_url()).content.decode()
    assert "secret-room" not in client.get("/api/v1/events").content.decode()
    assert "secret-room" not in client.get(f"/api/v1/events/{event.pk}").content.decode()


def test_someone_elses_registration_page_is_refused(client, member_co, focal_br):
    registration = register_self(event=make_event(), user=member_co)
    login(client, focal_br)
    assert client.get(reverse("events:registration", args=[registration.pk])).status_code == 403
    assert client.post(reverse("events:cancel", args=[registration.pk])).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_an_unpublished_event_is_not_shown(client):
    event = make_event(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/events/{event.pk}").status_code == 404


def test_the_api_lists_and_details_published_events(client, member_co, django_assert_max_num_queries):
    _many_events(5)
    event = make_event(title="Hemispheric dialogue on gender", kind="dialogue", capacity=20)
    register_self(event=event, user=member_co)
    with django_assert_max_num_queries(4):
        listing = client.get("/api/v1/events?kind=dialogue").json()
    assert listing["count"] == 1
    [item] = listing["items"]
    assert (item["title"], item["kind"], item["capacity"], item["places_taken"]) == (
        "Hemispheric dialogue on gender", "dialogue", 20, 1)
    assert client.get("/api/v1/events?kind=planning").status_code == 422
    assert client.get("/api/v1/events?when=upcoming&country=PE").json()["count"] == 5
    detail = client.get(f"/api/v1/events/{event.pk}").json()
    assert detail["id"] == event.pk and detail["meeting"] == event.meeting_id and detail["organizers"] == []


def test_events_are_in_the_one_calendar_feed(client):
    event = make_event(title="Webinar in the feed", kind="webinar")
    feed = client.get("/en/calendar.ics").content.decode()
    assert "Webinar in the feed" in feed
    assert f"meeting-{event.meeting_id}@" in feed


def test_a_focal_point_registers_a_delegation_on_the_page(client, focal_cl):
    event = make_event(title="Dialogue of gender units", kind="dialogue")
    login(client, focal_cl)
    url = reverse("events:delegation", args=[event.pk])
    page = client.get(url).content.decode()
    assert "Register a delegation" in page and "Ministry" in page
    chile = focal_cl.person.positions.first().institution
    form = {"institution": chile.pk, "delegate-TOTAL_FORMS": "3", "delegate-INITIAL_FORMS": "0",
            "delegate-0-full_name": "Ana Pérez", "delegate-0-email": "ana@example.cl", "delegate-0-language": "es",
            "delegate-1-full_name": "", "delegate-1-email": "", "delegate-1-language": "es",
            "delegate-2-full_name": "", "delegate-2-email": "", "delegate-2-language": "es"}
    response = client.post(url, form, follow=True)
    assert "1 delegate registered" in response.content.decode()
    assert Registration.objects.get(email="ana@example.cl").status == Registration.Status.PENDING
    # Another ministry's delegation: not among the choices, nothing saved.
    form["institution"] = Institution.objects.get(slug="ministry-br").pk
    form["delegate-0-email"] = "other@example.br"
    assert client.post(url, form).status_code == 200
    assert not Registration.objects.filter(email="other@example.br").exists()


def test_someone_who_is_no_focal_point_cannot_open_the_delegation_form(client, member_co):
    login(client, member_co)
    assert client.get(reverse("events:delegation", args=[make_event().pk])).status_code == 403


def test_the_meeting_page_links_to_its_event(client):
    event = make_event(title="Course on mediation", kind="course")
    assert event.get_absolute_url() in client.get(event.meeting.get_absolute_url()).content.decode()


def test_the_secretariat_confirms_a_delegate_on_its_desk(client, focal_cl, secretariat):
    from rial.events.services import Attendee, register_delegation

    event = make_event(title="Workshop to confirm")
    [delegate] = register_delegation(event=event, user=focal_cl, institution=Institution.objects.get(slug="ministry-cl"),
                                     attendees=[Attendee("Ana Pérez", "ana@example.cl", "es")])
    login(client, focal_cl)
    assert client.post(reverse("events:confirm", args=[delegate.pk])).status_code == 403
    login(client, secretariat)
    desk = client.get(reverse("events:manage", args=[event.pk])).content.decode()
    assert "Confirm Ana Pérez" in desk
    client.post(reverse("events:confirm", args=[delegate.pk]))
    delegate.refresh_from_db()
    assert delegate.status == Registration.Status.CONFIRMED
