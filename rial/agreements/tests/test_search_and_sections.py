import datetime

import pytest
from django.urls import reverse

from rial.agreements.models import Agreement
from rial.agreements.search import AgreementSource
from rial.agreements.sections import country_section
from rial.agreements.tests.factories import AgreementFactory, party
from rial.directory.models import Country

pytestmark = pytest.mark.django_db


def test_every_published_agreement_is_a_search_document_in_english_and_spanish():
    documents = {document.url: document for document in AgreementSource().documents()}
    assert len(documents) == Agreement.objects.active().count() >= 60
    ibero = documents["/agreements/ibero-american-multilateral/"]
    assert ibero.kind in AgreementSource.kinds
    assert ibero.translations["es"][0] == "Convenio Multilateral Iberoamericano de Seguridad Social"
    assert "España" in ibero.translations["es"][1]
    assert "CO" in ibero.countries and ibero.year == 2011
    assert "Spain" in ibero.body and "Old age" in ibero.body


def test_an_archived_agreement_is_not_found():
    agreement = AgreementFactory(archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    assert AgreementSource().document(agreement) is None
    assert all(document.key != str(agreement.pk) for document in AgreementSource().documents())


def test_the_country_section_lists_its_agreements_with_their_state():
    section = country_section(Country.objects.get(iso2="CO"))
    rows = {row["agreement"].slug: row for row in section["context"]["rows"]}
    assert rows["ibero-american-multilateral"]["applies"] is True
    assert rows["andean-decision-583"]["applies"] is False
    assert rows["andean-decision-583"]["start"].certain is False


def test_a_country_without_agreements_has_no_section():
    assert country_section(Country.objects.get(iso2="HT")) is None


def test_the_country_page_shows_the_section(client):
    page = client.get(reverse("directory:country", kwargs={"iso2": "pe"})).content.decode()
    assert "Social security agreements" in page
    assert "Ibero-American Multilateral Agreement on Social Security" in page
    assert "applies since Oct. 20, 2016" in page


def test_a_territory_page_shows_its_agreement(client):
    page = client.get(reverse("directory:country", kwargs={"iso2": "ms"})).content.decode()
    assert "CARICOM Agreement on Social Security" in page


def test_the_section_hides_archived_agreements():
    agreement = AgreementFactory(in_force=datetime.date(2001, 1, 1), archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    party(agreement, "HT")
    assert country_section(Country.objects.get(iso2="HT")) is None
    assert Agreement.objects.filter(pk=agreement.pk).exists()
