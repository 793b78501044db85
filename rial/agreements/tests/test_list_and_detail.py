import datetime

import pytest
from django.urls import reverse

from conftest import login
from rial.agreements.models import Agreement
from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db
URL = reverse("agreements:home")


def slugs(response):
    return {agreement.slug for agreement in response.context["page"]}


def all_slugs(response):
    return {agreement.slug for agreement in response.context["page"].paginator.object_list}


def test_the_list_shows_every_agreement_and_marks_unverified_ones(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert len(all_slugs(response)) == Agreement.objects.active().count() >= 60
    assert len(slugs(response)) == 50  # a page
    page = response.content.decode()
    assert "not verified" in page and "unconfirmed" in page
    assert "MERCOSUR Multilateral Agreement on Social Security" in client.get(URL, {"page": 2}).content.decode()


@pytest.mark.parametrize(("params", "expected"), [
    ({"country": "CO"}, {"ibero-american-multilateral", "andean-decision-583", "es-co"}),
    ({"country": "MX", "status": "signed"}, {"us-mx"}),
    ({"kind": "multilateral", "branch": "health_care"}, {"mercosur", "andean-decision-583"}),
    ({"country": "MS"}, {"caricom"}),
])
def test_the_list_filters(client, params, expected):
    assert slugs(client.get(URL, params)) == expected


def test_an_unknown_filter_value_is_a_form_error(client):
    response = client.get(URL, {"branch": "pets"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get(URL)
    for index in range(10):
        agreement = AgreementFactory(in_force=datetime.date(2001, 1, 1 + index))
        party(agreement, "GT")
        party(agreement, "HN")
    with django_assert_num_queries(4):
        client.get(URL)


def test_the_detail_shows_per_party_dates_and_uncertainty(client):
    page = client.get(reverse("agreements:detail", kwargs={"slug": "ibero-american-multilateral"})).content.decode()
    assert "Convenio Multilateral Iberoamericano de Seguridad Social" in page
    assert "Spain" in page and "Aug. 1, 2023" in page
    mercosur = client.get(reverse("agreements:detail", kwargs={"slug": "mercosur"})).content.decode()
    assert "unconfirmed" in mercosur and "not verified" in mercosur


def test_the_detail_shows_a_year_only_signature_as_a_year(client):
    page = client.get(reverse("agreements:detail", kwargs={"slug": "caricom"})).content.decode()
    assert '<time datetime="1996-01-01">1996</time>' in page


def test_an_archived_agreement_is_hidden_from_the_public_but_not_from_the_secretariat(client, secretariat):
    agreement = AgreementFactory(archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    url = reverse("agreements:detail", kwargs={"slug": agreement.slug})
    assert client.get(url).status_code == 404
    login(client, secretariat)
    assert client.get(url).status_code == 200
    assert agreement.slug in all_slugs(client.get(URL))


def test_the_detail_of_an_unknown_agreement_is_a_404(client):
    assert client.get(reverse("agreements:detail", kwargs={"slug": "nothing"})).status_code == 404


def test_only_the_secretariat_sees_the_edit_and_history_links(client, focal_cl, secretariat):
    url = reverse("agreements:detail", kwargs={"slug": "us-cl"})
    login(client, focal_cl)
    assert "History of changes" not in client.get(url).content.decode()
    login(client, secretariat)
    page = client.get(url).content.decode()
    assert "History of changes" in page and "Edit in the back office" in page
    assert Agreement.objects.filter(slug="us-cl").exists()


def test_the_pages_keep_the_filters(client):
    for index in range(55):
        agreement = AgreementFactory(in_force=datetime.date(2001, 1, 1), slug=f"gt-hn-{index:02d}")
        party(agreement, "GT")
        party(agreement, "HN")
    first = client.get(URL, {"country": "GT"})
    assert len(first.context["page"]) == 50
    assert "?country=GT&amp;page=2" in first.content.decode()
    second = client.get(URL, {"country": "GT", "page": 2})
    assert len(second.context["page"]) == 5
