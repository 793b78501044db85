import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.cooperation import services
from rial.cooperation.models import Call, ordinal

pytestmark = pytest.mark.django_db


def test_call_numbers_read_as_english_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 17, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "17th", "21st", "22nd"]
    assert (ordinal(17, "es"), ordinal(17, "pt"), ordinal(1, "fr")) == ("17.ª", "17ª", "1re")


def _draft(**fields):
    return Call.objects.create(number=80, year=2026, budget=5000, closes_on="2026-12-31", **fields)


def test_the_secretariat_opens_and_closes_a_call(secretariat):
    call = services.call_set_state(call=_draft(), user=secretariat, state=Call.State.OPEN)
    assert call.state == Call.State.OPEN
    call = services.call_set_state(call=call, user=secretariat, state=Call.State.CLOSED)
    assert Call.objects.get(pk=call.pk).state == Call.State.CLOSED


def test_an_illegal_transition_names_the_allowed_ones(secretariat):
    with pytest.raises(ValidationError, match="Possible now: “open the call”"):
        services.call_set_state(call=_draft(), user=secretariat, state=Call.State.CLOSED)


def test_a_call_does_not_open_when_its_weights_do_not_add_up_to_100(secretariat):
    call = _draft(weight_relevance=50)
    with pytest.raises(ValidationError, match="add up to 100"):
        services.call_set_state(call=call, user=secretariat, state=Call.State.OPEN)
    assert Call.objects.get(pk=call.pk).state == Call.State.DRAFT


def test_a_focal_point_cannot_open_a_call(focal_cl):
    with pytest.raises(PermissionDenied):
        services.call_set_state(call=_draft(), user=focal_cl, state=Call.State.OPEN)


def test_a_draft_call_is_hidden_from_the_public(client):
    call = _draft()
    assert client.get(reverse("cooperation:call", kwargs={"number": call.number})).status_code == 403


def test_the_call_page_posts_transitions(client, secretariat):
    call = _draft()
    login(client, secretariat)
    response = client.post(reverse("cooperation:call_transition", kwargs={"number": call.number, "state": "open"}))
    assert response.status_code == 302
    assert Call.objects.get(pk=call.pk).state == Call.State.OPEN
    assert client.get(reverse("cooperation:call_transition", kwargs={"number": call.number, "state": "closed"})
                      ).status_code == 405
