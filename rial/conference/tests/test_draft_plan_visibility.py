"""A draft Plan of Action is under negotiation among the network's participants (the Secretariat, the people of
the ministries, COSATE, CEATAL, partner organizations): they read it and everything under it — its page, its
mandates' pages, its file, the API, the lists that show them. For anyone else (a visitor, an account with no
role) it does not exist: 404, and no list, search result or cached page shows it. Once adopted it is public."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from conftest import login
from rial.conference import search
from rial.conference.models import ConferenceDocument
from rial.conference.services import document_set_status
from rial.conference.tests import factories
from rial.core import pagecache
from rial.directory.models import Institution
from rial.directory.tests.factories import UserFactory, user_with_position
from rial.events.tests.factories import make_event
from rial.library.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

PARTICIPANTS = ["secretariat", "focal_cl", "member_co", "cosate_rep", "ceatal_rep", "ilo_rep"]
OUTSIDERS = [None, "registered"]


@pytest.fixture
def registered(db):
    return UserFactory(username="no-role")  # an account with no position anywhere


@pytest.fixture
def ceatal_rep(db):
    return user_with_position("ceatal-rep", Institution.objects.get(slug="ceatal"))


@pytest.fixture
def draft():
    """An adopted plan (XC) and the draft of the next one (XCI) with a group chaired by Chile, a mandate and
    its item, a file, and links to the draft mandate from a published event and library document."""
    adopted = factories.plan(90, title="Plan of Action of Test City")
    factories.mandate(adopted, text="An adopted mandate on inspection.")
    plan = factories.plan(91, title="Draft Plan of Action of Negotiation City",
                          status=ConferenceDocument.Status.DRAFT)
    plan.file.save("draft.pdf", ContentFile(b"%PDF-1.4 draft"))
    group = factories.group(plan.conference, 1, chair="Chile")
    mandate = factories.mandate(plan, group, text="A proposed regional observatory of platform work.")
    item = factories.mandate(plan, group, parent=mandate, text="A proposed survey of riders.")
    event = make_event()
    event.mandates.add(mandate)
    document = DocumentFactory()
    document.related_mandates.add(mandate)
    return {"plan": plan, "mandate": mandate, "item": item, "group": group, "event": event,
            "document": document, "adopted": adopted}


def _pages(draft) -> dict[str, str]:
    plan, mandate = draft["plan"], draft["mandate"]
    return {
        "plan page": plan.get_absolute_url(),
        "mandate page": mandate.get_absolute_url(),
        "item page": draft["item"].get_absolute_url(),
        "plan file": reverse("conference:document_file", kwargs={"pk": plan.pk}),
        "API: the plan's mandates": f"/api/v1/plans/{plan.pk}/mandates",
        "API: the mandate": f"/api/v1/mandates/{mandate.pk}",
    }


def _client_for(client, request, persona):
    if persona:
        login(client, request.getfixturevalue(persona))
    return client


@pytest.mark.parametrize("persona", OUTSIDERS + PARTICIPANTS)
def test_a_draft_plan_and_all_under_it_are_for_the_networks_participants(client, request, draft, persona):
    client = _client_for(client, request, persona)
    expected = 200 if persona in PARTICIPANTS else 404
    answers = {what: client.get(url).status_code for what, url in _pages(draft).items()}
    assert answers == dict.fromkeys(answers, expected)


@pytest.mark.parametrize("persona", OUTSIDERS + ["member_co", "cosate_rep"])
def test_lists_show_a_draft_plan_only_to_participants(client, request, draft, persona):
    client = _client_for(client, request, persona)
    shown = persona is not None and persona != "registered"
    proposed = "A proposed regional observatory"
    pages = {
        "conference page": (draft["plan"].conference.get_absolute_url(), "Negotiation City"),
        "working group page": (draft["group"].get_absolute_url(), proposed),
        "event page": (draft["event"].get_absolute_url(), proposed),
        "library document page": (draft["document"].get_absolute_url(), proposed),
        "API: plans": ("/api/v1/plans?limit=200", "Negotiation City"),
        "API: mandates": ("/api/v1/mandates?limit=200", proposed),
    }
    for what, (url, text) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, what
        assert (text in response.content.decode()) == shown, what
    # What is public stays public for everyone.
    assert "An adopted mandate" in client.get("/api/v1/mandates?limit=200").content.decode()


def test_adopting_the_plan_makes_it_public(client, secretariat, draft):
    pages = _pages(draft)
    assert client.get(pages["plan page"]).status_code == 404
    document_set_status(document=draft["plan"], user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert {what: client.get(url).status_code for what, url in pages.items()} == dict.fromkeys(pages, 200)
    assert "A proposed regional observatory" in client.get(draft["group"].get_absolute_url()).content.decode()


def test_search_finds_a_draft_plan_only_once_it_is_adopted(client, secretariat, draft,
                                                           django_capture_on_commit_callbacks):
    source = search.ConferenceSource()
    assert source.document(draft["plan"]) is None and source.document(draft["mandate"]) is None
    assert {document.key for document in source.documents()}.isdisjoint({str(draft["plan"].pk),
                                                                         str(draft["mandate"].pk)})
    call_command("rebuild_search_index", verbosity=0)
    url = reverse("search:results") + "?q=observatory"
    login(client, secretariat)  # not even a participant finds it: the index is one for every reader
    mandate_url = draft["mandate"].get_absolute_url()
    assert mandate_url not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the index is refreshed once the adoption commits
        document_set_status(document=draft["plan"], user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert source.document(draft["mandate"]) is not None
    client.logout()
    assert mandate_url in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)  # the cache is renewed when a write really commits
def test_the_page_cache_never_serves_a_draft(client, settings, draft, member_co, secretariat):
    """Participants are signed in (never cached); a visitor gets a 404, which is never stored; the visitor's
    stored conference page leaves the draft out, and adopting the plan is a write that renews every page."""
    from django.core.cache import caches

    settings.RIAL_PAGE_CACHE = True
    caches["pages"].clear()
    pagecache.changed()
    plan_url, conference_url = draft["plan"].get_absolute_url(), draft["plan"].conference.get_absolute_url()
    participant = login(Client(), member_co)
    assert participant.get(plan_url).status_code == 200
    for _visit in range(2):
        answer = client.get(plan_url)
        assert answer.status_code == 404 and answer.get("X-Page-Cache") != "hit"
        page = client.get(conference_url)
        assert "Negotiation City" not in page.content.decode()
    assert page["X-Page-Cache"] == "hit"
    document_set_status(document=draft["plan"], user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert client.get(plan_url).status_code == 200
    assert "Negotiation City" in client.get(conference_url).content.decode()


def test_the_home_page_shows_the_plan_in_force_not_a_newer_draft(client, draft):
    page = client.get(reverse("portal:home")).content.decode()
    assert "Plan of Action of Test City" in page and "Negotiation City" not in page
