"""A focal point announces their own ministry's pledges, and no other ministry's."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import login
from rial.fund.models import Entry
from rial.fund.services import record_contribution
from rial.fund.tests.factories import DAY, ministry

pytestmark = pytest.mark.django_db


def _pledge(**overrides):
    data = {"contributor": ministry("CL").pk, "amount": "15000", "currency": "USD", "date": "2026-04-01"}
    data.update(overrides)
    return data


def test_a_focal_point_pledges_for_their_ministry(client, focal_cl):
    login(client, focal_cl)
    assert "Announce a pledge of your ministry" in client.get(reverse("fund:home")).content.decode()
    form = client.get(reverse("fund:pledge_new")).content.decode()
    assert f'value="{ministry("CL").pk}"' in form and f'value="{ministry("BR").pk}"' not in form
    response = client.post(reverse("fund:pledge_new"), _pledge())
    assert response.status_code == 302
    entry = Entry.objects.latest("id")
    assert (entry.kind, entry.amount, entry.contributor, entry.recorded_by) == (
        Entry.Kind.PLEDGE, Decimal("15000.00"), ministry("CL"), focal_cl)


def test_a_focal_point_cannot_pledge_for_another_ministry(client, focal_cl):
    login(client, focal_cl)
    count = Entry.objects.count()
    response = client.post(reverse("fund:pledge_new"), _pledge(contributor=ministry("BR").pk))
    assert response.status_code == 400
    with pytest.raises(PermissionDenied):
        record_contribution(user=focal_cl, contributor=ministry("BR"), amount="1", currency="USD", date=DAY,
                            pledge=True)
    assert Entry.objects.count() == count


def test_a_focal_point_cannot_record_money_received(focal_cl):
    count = Entry.objects.count()
    with pytest.raises(PermissionDenied):
        record_contribution(user=focal_cl, contributor=ministry("CL"), amount="1", currency="USD", date=DAY)
    with pytest.raises(PermissionDenied):
        record_contribution(user=focal_cl, contributor=ministry("CL"), amount="1", currency="USD", date=DAY,
                            pledge=True, in_kind=True)
    assert Entry.objects.count() == count


def test_a_pledge_with_a_bad_amount_is_refused(client, focal_cl):
    login(client, focal_cl)
    count = Entry.objects.count()
    response = client.post(reverse("fund:pledge_new"), _pledge(amount="-3"))
    assert response.status_code == 400 and "greater than zero" in response.content.decode()
    assert Entry.objects.count() == count


@pytest.mark.parametrize("persona", ["member_co", "cosate_rep", "ilo_rep"])
def test_others_cannot_open_the_pledge_page(request, client, persona):
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("fund:pledge_new")).status_code == 403
