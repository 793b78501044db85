"""Every institution choice shows country and name, grouped by country (one field in core); a focal point's
own ministry is preselected; mandates are chosen by plan, working group and label."""

import pytest

from rial.cooperation.forms import ProposalForm
from rial.cooperation.tests.factories import open_call
from rial.directory.models import Institution
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
