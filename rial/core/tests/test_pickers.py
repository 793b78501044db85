"""Every institution choice shows country and name, grouped by country (one field in core); a focal point's
own ministry is preselected; mandates are chosen by plan, working group and label."""

import pytest
from django.urls import reverse

from conftest import login
from rial.cooperation.forms import ProposalForm, ReportForm
from rial.cooperation.tests.factories import open_call
from rial.directory.models import Institution
from rial.events.forms import DelegationForm
from rial.fund.forms import PledgeForm
from rial.meetings.forms import ConsultationForm, MandateLinkForm
from rial.meetings.tests.factories import MeetingFactory, conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db


def test_consulted_authorities_are_grouped_by_country(django_assert_max_num_queries):
    chile = Institution.objects.get(slug="ministry-cl")
    with django_assert_max_num_queries(3):
        html = str(ConsultationForm()["consulted"])
    assert '<optgroup label="Chile">' in html
    assert f"Chile — {chile.name}</option>" in html
    regional = html.split('<optgroup label="Regional and international bodies">')[1]
    assert Institution.objects.get(slug="cosate").name in regional


def test_a_focal_point_proposes_for_their_own_ministry_already_chosen(focal_cl):
    form = ProposalForm(call=open_call(), user=focal_cl)
    assert form["requesting"].value() == Institution.objects.get(slug="ministry-cl").pk
    assert '<optgroup label="Brazil">' in str(form["providing"])


def test_the_mandate_picker_shows_plan_group_and_label():
    conference, group = conference_with_group()
    plan, mandates = plan_with_mandates(conference)
    mandates[0].group = group
    mandates[0].save()
    html = str(MandateLinkForm(meeting=MeetingFactory(conference=conference))["mandate"])
    assert f'<optgroup label="{plan.title} — {group}">' in html
    assert "WG 1 a) Test mandate 0</option>" in html


def test_a_choice_of_one_institution_is_already_made():
    """A focal point pledging for their one ministry finds it chosen; with two, nobody is chosen for them."""
    chile = Institution.objects.filter(slug="ministry-cl")
    html = str(PledgeForm(institutions=chile)["contributor"])
    assert 'value=""' not in html and f"Chile — {chile.get().name}</option>" in html
    both = Institution.objects.filter(slug__in=["ministry-cl", "ministry-br"])
    assert 'value=""' in str(PledgeForm(institutions=both)["contributor"])


def test_activity_parties_and_delegations_are_named_with_their_country():
    """The ministry an activity's report is filed for, and the delegation the Secretariat registers: eight
    ministries share the name "Ministry responsible for Labour", so each option says its country."""
    parties = Institution.objects.filter(slug__in=["ministry-cl", "ministry-br"])
    report = str(ReportForm(parties=parties)["institution"])
    assert '<optgroup label="Chile">' in report and "Brazil — " in report
    ministries = Institution.objects.filter(kind=Institution.Kind.MINISTRY)
    delegation = str(DelegationForm(institutions=ministries)["institution"])
    assert '<optgroup label="Barbados">' in delegation
    assert f"Chile — {Institution.objects.get(slug='ministry-cl').name}</option>" in delegation


def test_a_partner_organization_writing_a_document_finds_itself_among_its_institutions(client, ilo_rep):
    page = login(client, ilo_rep).get(reverse("library:create"))
    ilo = Institution.objects.get(slug="ilo")
    assert page.context["form"]["institutions"].value() == [ilo.pk]
    assert f'<option value="{ilo.pk}" selected>' in page.content.decode()
