"""The Secretariat prepares and edits a call on its own page (not the admin), and through the API."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from rial.accounts.models import ApiToken
from rial.cooperation import services
from rial.cooperation.models import Call, DestinationRate
from rial.directory.models import Country

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    data = {"number": 70, "year": 2026, "opens_on": "2026-03-01", "closes_on": "2026-04-30", "budget": "12000.00",
            "allows_provider_visit": "on", "allows_expert_visit": "on", "max_travellers": 3, "max_days": 5,
            "weight_relevance": 30, "weight_opportunity": 20, "weight_clarity": 25, "weight_commitment": 25,
            "report_days": 30, "notes": "",
            "rates-TOTAL_FORMS": 2, "rates-INITIAL_FORMS": 0, "rates-MIN_NUM_FORMS": 0, "rates-MAX_NUM_FORMS": 60,
            "rates-0-country": Country.objects.get(iso2="BR").pk, "rates-0-airfare": "1000.00",
            "rates-0-per_diem": "200.00",
            "rates-1-country": "", "rates-1-airfare": "", "rates-1-per_diem": ""}
    data.update(overrides)
    return data


def test_the_secretariat_creates_a_draft_call_with_guidelines_and_rates(client, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(client, secretariat)
    guidelines = SimpleUploadedFile("guidelines.pdf", b"%PDF-1.4 guidelines", content_type="application/pdf")
    response = client.post(reverse("cooperation:call_create"), {**_form(), "guidelines": guidelines})
    call = Call.objects.get(number=70)
    assert response.status_code == 302 and response.url == call.get_absolute_url()
    assert call.state == Call.State.DRAFT and call.budget == Decimal("12000.00") and not call.allows_virtual
    assert call.guidelines.name.startswith("cooperation/guidelines/")
    rate = DestinationRate.objects.get(call=call)
    assert (rate.country.iso2, rate.airfare, rate.per_diem) == ("BR", Decimal("1000.00"), Decimal("200.00"))
    page = client.get(call.get_absolute_url()).content.decode()
    assert reverse("cooperation:call_edit", kwargs={"number": 70}) in page and "Open the call" in page


@pytest.mark.parametrize("overrides, message", [
    ({"weight_relevance": 50}, "must add up to 100"),
    ({"closes_on": "2026-02-01"}, "close on or after"),
    ({"budget": "-5"}, "greater than or equal to 0"),
    ({"rates-0-per_diem": "-1"}, "greater than or equal to 0"),
    ({"rates-1-country": "", "rates-1-airfare": "1", "rates-1-per_diem": "1"}, "This field is required"),
    ({"budget": "lots"}, "Enter a number"),
])
def test_bad_call_input_saves_nothing(client, secretariat, overrides, message):
    login(client, secretariat)
    response = client.post(reverse("cooperation:call_create"), _form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Call.objects.filter(number=70).exists() and not DestinationRate.objects.exists()


def test_the_same_destination_twice_is_refused(client, secretariat):
    login(client, secretariat)
    brazil = Country.objects.get(iso2="BR").pk
    response = client.post(reverse("cooperation:call_create"), _form(**{
        "rates-1-country": brazil, "rates-1-airfare": "1", "rates-1-per_diem": "1"}))
    assert "only one rate" in response.content.decode()
    assert not Call.objects.filter(number=70).exists()


def test_editing_changes_rules_and_replaces_rates(client, secretariat):
    login(client, secretariat)
    client.post(reverse("cooperation:call_create"), _form())
    call = Call.objects.get(number=70)
    chile = Country.objects.get(iso2="CL").pk
    response = client.post(reverse("cooperation:call_edit", kwargs={"number": 70}), _form(**{
        "budget": "9000", "rates-0-country": chile, "rates-0-per_diem": "150"}))
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.budget == Decimal("9000")
    assert [(r.country.iso2, r.per_diem) for r in call.rates.all()] == [("CL", Decimal("150.00"))]
    # the edit page shows what is stored
    assert 'value="150.00"' in client.get(reverse("cooperation:call_edit", kwargs={"number": 70})).content.decode()


def test_an_open_call_keeps_the_rules_proposals_were_written_under(secretariat):
    call = Call.objects.create(number=71, year=2026, budget=5000, closes_on="2026-12-31", state=Call.State.OPEN)
    call.max_days = 9
    with pytest.raises(ValidationError, match="cannot change once the call is open"):
        services.call_save(call=call, user=secretariat, rates=[])
    assert Call.objects.get(pk=call.pk).max_days == 5
    call = Call.objects.get(pk=call.pk)
    call.closes_on = datetime.date(2027, 1, 15)  # extending the deadline is fine
    services.call_save(call=call, user=secretariat, rates=[])
    assert Call.objects.get(pk=call.pk).closes_on == datetime.date(2027, 1, 15)


def test_a_closed_call_cannot_be_edited(client, secretariat):
    call = Call.objects.create(number=72, year=2026, budget=5000, state=Call.State.CLOSED)
    call.budget = Decimal("1")
    with pytest.raises(ValidationError, match="only while it is a draft or open"):
        services.call_save(call=call, user=secretariat, rates=[])
    login(client, secretariat)
    response = client.post(reverse("cooperation:call_edit", kwargs={"number": 72}), _form(number=72))
    assert response.status_code == 302
    assert Call.objects.get(pk=call.pk).budget == Decimal("5000")


def test_non_secretariat_is_refused_on_the_pages_and_in_the_service(client, focal_cl):
    Call.objects.create(number=73, year=2026, budget=5000, state=Call.State.OPEN, closes_on="2026-12-31")
    login(client, focal_cl)
    assert client.get(reverse("cooperation:call_create")).status_code == 403
    assert client.post(reverse("cooperation:call_create"), _form()).status_code == 403
    assert client.post(reverse("cooperation:call_edit", kwargs={"number": 73}), _form(number=73)).status_code == 403
    assert not Call.objects.filter(number=70).exists()
    with pytest.raises(PermissionDenied):
        services.call_save(call=Call(number=74, year=2026), user=focal_cl, rates=[])
    client.logout()
    assert client.get(reverse("cooperation:call_create")).status_code == 302  # to the login page


def _token(user) -> str:
    _token_row, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return raw


def test_the_api_creates_and_opens_a_call_for_the_secretariat(client, secretariat):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(secretariat)}"}
    response = client.post("/api/v1/cooperation/calls", {
        "number": 75, "year": 2026, "closes_on": "2026-12-31", "budget": "8000",
        "rates": [{"country": "br", "airfare": "900", "per_diem": "180"}]}, content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "draft"
    assert Call.objects.get(number=75).rates.get().country.iso2 == "BR"
    response = client.post("/api/v1/cooperation/calls/75/state", {"state": "open"}, content_type="application/json",
                           **auth)
    assert response.status_code == 200 and response.json()["state"] == "open"
    response = client.post("/api/v1/cooperation/calls/75/state", {"state": "published"},
                           content_type="application/json", **auth)
    assert response.status_code == 422 and "Possible now: “close the call”" in str(response.json()["errors"])


@pytest.mark.parametrize("payload", [
    {"number": 76, "year": 2026, "weight_relevance": 60},
    {"number": 76, "year": 2026, "opens_on": "2026-05-01", "closes_on": "2026-04-01"},
    {"number": 76, "year": 2026, "budget": "-1"},
    {"number": 76, "year": 2026, "rates": [{"country": "ZZ", "airfare": "1", "per_diem": "1"}]},
    {"number": 76, "year": 2026, "rates": [{"country": "BR", "airfare": "1", "per_diem": "-1"}]},
])
def test_the_api_refuses_a_bad_call_and_saves_nothing(client, secretariat, payload):
    response = client.post("/api/v1/cooperation/calls", payload, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {_token(secretariat)}")
    assert response.status_code == 422
    assert not Call.objects.filter(number=76).exists()


def test_the_api_refuses_calls_from_others(client, focal_cl, secretariat):
    payload = {"number": 77, "year": 2026}
    assert client.post("/api/v1/cooperation/calls", payload, content_type="application/json").status_code == 401
    response = client.post("/api/v1/cooperation/calls", payload, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {_token(focal_cl)}")
    assert response.status_code == 403
    _row, raw = ApiToken.issue(user=secretariat, label="old", second_factor_verified=False)
    response = client.post("/api/v1/cooperation/calls", payload, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401
    assert not Call.objects.filter(number=77).exists()
