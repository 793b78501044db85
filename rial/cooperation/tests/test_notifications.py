"""Cooperation tells the ministry named as provider, and both parties of the selection's outcome, once each."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rial.cooperation import notices, services
from rial.cooperation.models import Activity
from rial.cooperation.tests.conftest import SCORES
from rial.cooperation.tests.factories import close, make_proposal, ministry, open_call
from rial.directory.models import Person
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_ministry_named_as_provider_is_asked_to_confirm_once(focal_cl, focal_br, django_capture_on_commit_callbacks):
    focal_br.preferred_language = "pt"
    focal_br.save()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = make_proposal(open_call(), focal_cl, submit=False)
    [notification] = Notification.objects.filter(kind="cooperation.proposal.counterpart")
    assert notification.user == focal_br and notification.language == "pt"
    assert notification.subject == f"O seu ministério é indicado como ofertante: {proposal.title}"
    assert notification.url == f"/pt/cooperation/proposals/{proposal.pk}/"
    assert [message.to for message in mail.outbox] == [[focal_br.email]]
    services.proposal_save(proposal=proposal, user=focal_cl, topics=proposal.topics.all())  # edited again
    services.proposal_submit(proposal=proposal, user=focal_cl)
    assert Notification.objects.filter(kind="cooperation.proposal.counterpart").count() == 1


def test_both_parties_hear_whether_their_proposal_was_selected(focal_cl, focal_br, secretariat):
    call = open_call()
    chosen = make_proposal(call, focal_cl, confirm_by=focal_br, title="Chosen one")
    other = make_proposal(call, focal_br, confirm_by=focal_cl, title="Other one", requesting=ministry("BR"),
                          providing=ministry("CL"))
    call = close(call)
    for proposal in (chosen, other):
        services.evaluation_record(proposal=proposal, user=secretariat, **SCORES)
    services.call_select(call=call, user=secretariat, proposals=[chosen])
    selected = Notification.objects.filter(kind="cooperation.proposal.selected")
    not_selected = Notification.objects.filter(kind="cooperation.proposal.not_selected")
    assert {n.user.username for n in selected} == {"focal-cl", "focal-br"}
    assert {n.user.username for n in not_selected} == {"focal-cl", "focal-br"}
    assert all("Chosen one" in n.subject for n in selected) and all("Other one" in n.subject for n in not_selected)
    chosen.refresh_from_db()
    assert notices.proposals_decided([chosen]) == 0  # told already


def test_report_reminders_skip_archived_focal_points(planned_activity, secretariat, focal_cl, focal_br):
    Activity.objects.filter(pk=planned_activity.pk).update(
        state=Activity.State.EXECUTED, starts_on=timezone.localdate() - datetime.timedelta(days=30),
        ends_on=timezone.localdate() - datetime.timedelta(days=28))
    Person.objects.filter(user=focal_br).update(archived_at=timezone.now())
    call_command("send_cooperation_reminders")
    told = {n.user.username for n in Notification.objects.filter(kind="cooperation.report.due")}
    assert told == {"focal-cl"}  # Brazil's focal point left: archived people are never written to
