"""Calls, proposals and activities for the cooperation tests, built through the workflow functions."""

import datetime
from decimal import Decimal

from django.utils import timezone

from rial.cooperation import services
from rial.cooperation.models import Call, DestinationRate, Modality, Proposal
from rial.directory.demo import ministry_slug
from rial.directory.models import Country, Institution
from rial.topics.models import Topic

RATES = {"CL": ("900.00", "250.00"), "BR": ("1000.00", "200.00"), "AR": ("700.00", "220.00")}


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def open_call(*, number: int = 90, budget: str = "10000.00", **fields) -> Call:
    today = timezone.localdate()
    call = Call.objects.create(number=number, year=today.year, opens_on=today - datetime.timedelta(days=10),
                               closes_on=today + datetime.timedelta(days=10), budget=Decimal(budget),
                               state=Call.State.OPEN, **fields)
    for iso2, (airfare, per_diem) in RATES.items():
        DestinationRate.objects.create(call=call, country=Country.objects.get(iso2=iso2), airfare=Decimal(airfare),
                                       per_diem=Decimal(per_diem))
    return call


def proposal_data(call: Call, **overrides) -> dict:
    data = {"call": call, "requesting": ministry("CL"), "providing": ministry("BR"),
            "modality": Modality.PROVIDER_VISIT, "title": "Labor inspection case files",
            "objectives": "Learn how inspections are planned.", "expected_results": "An adaptation plan.",
            "agenda": "Day 1: presentation\nDay 2: field visit", "travellers": 2, "days": 3}
    data.update(overrides)
    return data


def topic(slug: str = "labor-inspection") -> Topic:
    return Topic.objects.get(slug=slug)


def make_proposal(call: Call, user, *, submit: bool = True, confirm_by=None, **overrides) -> Proposal:
    proposal = Proposal(**proposal_data(call, **overrides))
    services.proposal_save(proposal=proposal, user=user, topics=[topic()])
    if submit:
        services.proposal_submit(proposal=proposal, user=user)
    if confirm_by is not None:
        services.proposal_confirm_commitment(proposal=proposal, user=confirm_by)
    proposal.refresh_from_db()
    return proposal


def close(call: Call) -> Call:
    Call.objects.filter(pk=call.pk).update(state=Call.State.CLOSED)
    call.refresh_from_db()
    return call
