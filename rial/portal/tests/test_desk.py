"""Each person lands on a desk listing what waits for them, built by the apps that own the records."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from conftest import login
from rial.conference.models import Mandate
from rial.conference.tests import factories as conference_factories
from rial.cooperation.models import Call, Proposal
from rial.cooperation.tests.factories import make_proposal, open_call
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.meetings.models import Consultation
from rial.meetings.services.consultation import consultation_open
from rial.meetings.tests.factories import MeetingFactory, ParticipantFactory
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
OLD = timezone.localdate() - datetime.timedelta(days=400)


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def work(secretariat, focal_cl, focal_br, *, n: int = 1, start: int = 0) -> None:
    """What waits: programs, a mandate, a call with proposals, a consultation to Chile and COSATE, a meeting."""
    for number in range(start, start + n):
        ProgramFactory(name_en=f"Submitted {number}", status=Program.Status.SUBMITTED)
        ProgramFactory(name_en=f"Chile draft {number}", status=Program.Status.DRAFT)
        ProgramFactory(name_en=f"Returned {number}", status=Program.Status.RETURNED)
        ProgramFactory(name_en=f"Stale {number}", last_reviewed_at=OLD)
        plan = conference_factories.plan(90 + number)
        mandate = conference_factories.mandate(plan, text=f"Overdue mandate {number}",
                                               due_date=timezone.localdate() - datetime.timedelta(days=5))
        mandate.responsible_institutions.add(ministry("CL"))
        call = open_call(number=90 + number)
        make_proposal(call, focal_br, submit=False, title=f"Asks Chile {number}", requesting=ministry("BR"),
                      providing=ministry("CL"))
        consultation_open(consultation=Consultation(title=f"Consulted {number}", description="Approve?",
                                                    deadline=timezone.now() + datetime.timedelta(days=3)),
                          consulted=[ministry("CL"), Institution.objects.get(slug="cosate")], user=secretariat)
        ParticipantFactory(meeting=MeetingFactory(title_en=f"Meeting {number}",
                                                  start_date=timezone.localdate() + datetime.timedelta(days=20),
                                                  end_date=None),
                           institution=Institution.objects.get(slug="cosate"))


def test_people_land_on_their_desk_after_login(client, focal_cl):
    focal_cl.set_password("a-good-test-password")
    focal_cl.save()
    response = client.post(reverse("accounts:login"), {"username": "focal-cl", "password": "a-good-test-password"})
    assert response.status_code == 302 and response["Location"] == reverse("portal:desk")
    assert client.get(reverse("portal:desk")).status_code == 200


def test_the_desk_needs_an_account(client):
    assert client.get(reverse("portal:desk")).status_code == 302


def test_the_secretariat_sees_what_waits_for_it(secretariat_client, secretariat, focal_cl, focal_br):
    work(secretariat, focal_cl, focal_br)
    Call.objects.filter(number=90).update(state=Call.State.CLOSED)
    Proposal.objects.update(state=Proposal.State.SUBMITTED, commitment_confirmed_at=timezone.now())
    page = secretariat_client.get(reverse("portal:desk")).content.decode()
    for text in ("Programs to review", "Submitted 0", "Programs not reviewed for twelve months", "Stale 0",
                 "Overdue mandates", "Overdue mandate 0", "Proposals to evaluate", "1 proposals",
                 "Consultations closing within a week", "Consulted 0", "0 of 2 answered"):
        assert text in page, text
    assert "Chile draft 0" not in page  # a ministry's draft is its own


def test_a_focal_point_sees_their_ministrys_work(client, secretariat, focal_cl, focal_br):
    work(secretariat, focal_cl, focal_br)
    ProgramFactory(name_en="Brazil draft", status=Program.Status.DRAFT, ministry=ministry("BR"))
    page = login(client, focal_cl).get(reverse("portal:desk")).content.decode()
    for text in ("Drafts of your ministry", "Chile draft 0", "Returned to your ministry with comments", "Returned 0",
                 "Mandates your ministry is responsible for", "Overdue mandate 0", "badge-overdue",
                 "Open calls for proposals", "waiting for its confirmation", "Asks Chile 0",
                 "Consultations to answer", "Consulted 0"):
        assert text in page, text
    for text in ("Brazil draft", "Programs to review", "Overdue mandates<"):
        assert text not in page, text


def test_a_social_partner_sees_its_consultations_forums_and_meetings(client, secretariat, focal_cl, focal_br,
                                                                     cosate_rep):
    work(secretariat, focal_cl, focal_br)
    page = login(client, cosate_rep).get(reverse("portal:desk")).content.decode()
    for text in ("Consultations to answer", "Consulted 0", "Coming meetings you take part in", "Meeting 0"):
        assert text in page, text
    assert "Drafts of your ministry" not in page and "Open calls for proposals" not in page


def test_the_desk_runs_a_fixed_number_of_queries(client, secretariat, focal_cl, focal_br, cosate_rep,
                                                 django_assert_max_num_queries):
    work(secretariat, focal_cl, focal_br, n=1)
    counts = {}
    for user in (secretariat, focal_cl, cosate_rep):
        login(client, user)
        with django_assert_max_num_queries(40) as captured:
            client.get(reverse("portal:desk"))
        counts[user.username] = len(captured.captured_queries)
    work(secretariat, focal_cl, focal_br, n=12, start=1)  # many more records of every kind
    Mandate.objects.update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    for user in (secretariat, focal_cl, cosate_rep):
        login(client, user)
        with django_assert_max_num_queries(counts[user.username]):
            client.get(reverse("portal:desk"))


def test_the_secretariat_sees_registrations_to_confirm(secretariat_client, focal_cl):
    from rial.events.services import Attendee, register_delegation
    from rial.events.tests.factories import make_event

    event = make_event(title="Workshop to confirm")
    register_delegation(event=event, user=focal_cl, institution=ministry("CL"),
                        attendees=[Attendee("Ana Pérez", "ana@example.cl", "es")])
    page = secretariat_client.get(reverse("portal:desk")).content.decode()
    assert "Registrations to confirm" in page and "1 awaiting confirmation" in page
    assert reverse("events:manage", args=[event.pk]) in page


def _group_mandates(group, n: int, *, start: int = 0) -> None:
    """``n`` mandates of ``group``'s adopted plan, overdue, answered by Brazil (not by the group's authorities)."""
    existing = Mandate.objects.filter(group=group).select_related("plan").first()
    plan = existing.plan if existing else conference_factories.plan(group.conference.number)
    for number in range(start, start + n):
        mandate = conference_factories.mandate(plan, group, text=f"Group mandate {number}",
                                               due_date=timezone.localdate() - datetime.timedelta(days=3))
        mandate.responsible_institutions.add(ministry("BR"))


def test_a_working_group_authority_sees_the_mandates_its_group_follows(client, focal_cl, member_co):
    """Chile chairs group 1 and Colombia vice-chairs it: both ministries follow up all its mandates, whoever
    answers for them; a draft plan's mandates and another group's are not theirs to follow."""
    conference = conference_factories.conference(95)
    group = conference_factories.group(conference, 1, chair="Chile", vice_chairs=("Colombia",))
    other = conference_factories.group(conference, 2, chair="Brazil")
    _group_mandates(group, 1)
    conference_factories.mandate(Mandate.objects.get(group=group).plan, other, text="Another group's mandate")
    draft = conference_factories.plan(96, status="draft")
    conference_factories.mandate(draft, conference_factories.group(draft.conference, 1, chair="Chile"),
                                 text="Proposed in a draft")
    for user in (focal_cl, member_co):
        page = login(client, user).get(reverse("portal:desk")).content.decode()
        for text in ("Mandates your ministry follows up", "Mandates of the working groups your country chairs or "
                     "vice-chairs", "Group mandate 0", "badge-overdue"):
            assert text in page, (user.username, text)
        for text in ("Another group&#x27;s mandate", "Another group's mandate", "Proposed in a draft"):
            assert text not in page, (user.username, text)


def test_the_followed_mandates_cost_the_same_queries_for_one_or_many(client, focal_cl, focal_br,
                                                                     django_assert_num_queries,
                                                                     django_assert_max_num_queries):
    group = conference_factories.group(conference_factories.conference(95), 1, chair="Chile",
                                       vice_chairs=("Brazil",))
    _group_mandates(group, 1)
    login(client, focal_cl)
    with django_assert_max_num_queries(40) as captured:
        client.get(reverse("portal:desk"))
    one = len(captured.captured_queries)
    _group_mandates(group, 15, start=1)
    with django_assert_num_queries(one):
        page = client.get(reverse("portal:desk")).content.decode()
    assert page.count("Group mandate") == 8 and "The first 8 are shown." in page


def test_a_draft_plans_mandates_are_nobodys_work_yet(client, secretariat_client, focal_cl):
    """A mandate proposed in a draft plan names a responsible ministry and may carry a past date: it is neither the
    ministry's work nor overdue on anyone's desk until the plan is adopted."""
    draft = conference_factories.plan(97, status="draft")
    proposed = conference_factories.mandate(draft, text="Proposed to Chile",
                                            due_date=timezone.localdate() - datetime.timedelta(days=5))
    proposed.responsible_institutions.add(ministry("CL"))
    assert "Proposed to Chile" not in login(client, focal_cl).get(reverse("portal:desk")).content.decode()
    assert "Proposed to Chile" not in secretariat_client.get(reverse("portal:desk")).content.decode()


def test_the_desk_writes_its_dates_in_the_language_of_the_page(client, secretariat, focal_cl):
    """Due dates, closing dates and review dates on a Spanish desk read as Spanish dates, not 2020-03-05."""
    plan = conference_factories.plan(93)
    mandate = conference_factories.mandate(plan, text="Late since March", due_date=datetime.date(2020, 3, 5))
    mandate.responsible_institutions.add(ministry("CL"))
    ProgramFactory(name_en="Reviewed long ago", last_reviewed_at=datetime.date(2020, 4, 6))
    call = open_call(number=93)
    Call.objects.filter(pk=call.pk).update(closes_on=timezone.localdate() + datetime.timedelta(days=40))
    closes = timezone.localdate() + datetime.timedelta(days=40)
    with translation.override("es"):
        address = reverse("portal:desk")
        closing = date_format(closes)
    secretary = login(client, secretariat).get(address).content.decode()
    assert "5 de marzo de 2020" in secretary and "6 de abril de 2020" in secretary
    assert "2020-03-05" not in secretary and "2020-04-06" not in secretary
    focal = login(client, focal_cl).get(address).content.decode()
    assert closing in focal and closes.isoformat() not in focal


def test_a_partner_organization_finds_the_mandates_it_was_told_are_its_own(client, ilo_rep, cosate_rep):
    """ILO is told a mandate was assigned to it: its desk lists the mandate; COSATE, not named, sees none."""
    plan = conference_factories.plan(94)
    mandate = conference_factories.mandate(plan, text="Mandate of the ILO", due_date=conference_factories.due(-2))
    mandate.responsible_institutions.add(Institution.objects.get(slug="ilo"))
    page = login(client, ilo_rep).get(reverse("portal:desk")).content.decode()
    assert "Mandates your institution is responsible for" in page and "Mandate of the ILO" in page
    assert "badge-overdue" in page.split("Mandate of the ILO", 1)[1].split("</li>", 1)[0]
    assert "Mandate of the ILO" not in login(client, cosate_rep).get(reverse("portal:desk")).content.decode()
