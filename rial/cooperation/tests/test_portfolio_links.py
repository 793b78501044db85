import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from rial.cooperation import analysis, services
from rial.cooperation.models import Proposal
from rial.cooperation.tests.factories import make_proposal, ministry, open_call, topic
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_a_proposal_draws_on_a_published_program_only(focal_cl):
    program = ProgramFactory(ministry=ministry("BR"), name_en="Electronic inspection file")
    proposal = make_proposal(open_call(), focal_cl, submit=False, program=program)
    assert Proposal.objects.get(pk=proposal.pk).program == program
    draft = ProgramFactory(ministry=ministry("BR"), status=Program.Status.DRAFT)
    with pytest.raises(ValidationError, match="published program"):
        make_proposal(open_call(number=92), focal_cl, submit=False, program=draft)


def test_a_program_page_shows_where_it_was_adopted(client, planned_activity, secretariat, focal_cl):
    program = ProgramFactory(ministry=ministry("BR"), name_en="Electronic inspection file")
    today = timezone.localdate()
    activity = services.activity_record_execution(activity=planned_activity, user=secretariat,
                                                  starts_on=today - datetime.timedelta(3),
                                                  ends_on=today - datetime.timedelta(1), travellers="",
                                                  agenda_carried_out="")
    services.outcome_record(activity=activity, user=focal_cl, institution=ministry("CL"), category="new_product",
                            description="Our own electronic file.", evidence="Resolution 1", adopted_program=program)
    page = client.get(program.get_absolute_url()).content.decode()
    assert "Cooperation based on this program" in page
    assert "Labor inspection case files" in page


def test_partner_suggestions_include_ministries_offering_matching_programs():
    ProgramFactory(ministry=ministry("UY"), name_en="Mediation in collective disputes", topics=["dispute-resolution"])
    suggestions = analysis.suggest_partners(need="mediation", topics=[topic("dispute-resolution")])
    assert suggestions[0].institution == ministry("UY")
    assert "Offers the program “Mediation in collective disputes”" in suggestions[0].reasons[0]


def test_country_and_topic_pages_list_the_activities(client):
    assert "Labor conflict prevention and resolution" in client.get(reverse("directory:country", kwargs={"iso2": "pe"})).content.decode()
    assert "Labor conflict prevention and resolution" in client.get(topic("dispute-resolution").get_absolute_url()
                                                                     ).content.decode()
