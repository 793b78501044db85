import datetime

import pytest

from rial.agreements.models import Agreement, AgreementParty, Status

pytestmark = pytest.mark.django_db


def test_it_loads_at_least_sixty_agreements_each_with_a_source_and_a_verified_flag():
    assert Agreement.objects.count() >= 60
    assert not Agreement.objects.filter(source="").exists()
    # What a source did not confirm is never loaded as a confirmed fact.
    assert not Agreement.objects.filter(verified=False, in_force_certain=True, signed_certain=True,
                                        status_certain=True).exclude(kind="multilateral").exists()
    assert Agreement.objects.filter(verified=True).count() >= 60
    chile_us = Agreement.objects.get(slug="us-cl")
    assert chile_us.in_force == datetime.date(2001, 12, 1)
    assert {p.country.iso2 for p in chile_us.parties.all()} == {"US", "CL"}


def test_it_keeps_unconfirmed_dates_marked_as_such():
    mercosur = Agreement.objects.get(slug="mercosur")
    assert mercosur.in_force == datetime.date(2005, 6, 1)
    assert mercosur.in_force_certain is False
    assert mercosur.verified is False
    andean = Agreement.objects.get(slug="andean-decision-583")
    assert (andean.status, andean.status_certain, andean.signed_certain) == (Status.SIGNED, False, False)
    assert andean.in_force is None


def test_it_keeps_a_year_only_signature_as_a_year():
    caricom = Agreement.objects.get(slug="caricom")
    assert caricom.signed_precision == Agreement.Precision.YEAR
    assert caricom.signed.year == 1996


def test_it_loads_per_party_dates_of_multilateral_agreements():
    colombia = AgreementParty.objects.get(agreement__slug="ibero-american-multilateral", country__iso2="CO")
    assert colombia.effective == datetime.date(2023, 8, 1)
    bahamas = AgreementParty.objects.get(agreement__slug="caricom", country__iso2="BS")
    assert bahamas.ratified == datetime.date(2001, 9, 14)
    # Non-members of the OAS are parties too.
    assert AgreementParty.objects.filter(agreement__slug="ibero-american-multilateral", country__iso2="ES").exists()
    assert AgreementParty.objects.filter(agreement__slug="caricom", country__iso2="MS").exists()


def test_loading_twice_changes_nothing():
    from rial.agreements.demo import load_reference

    before = (Agreement.objects.count(), AgreementParty.objects.count())
    load_reference()
    assert (Agreement.objects.count(), AgreementParty.objects.count()) == before


def test_partners_outside_the_oas_are_countries_outside_the_oas():
    from rial.directory.models import Country

    japan = Country.objects.get(iso2="JP")
    assert (japan.kind, japan.name_es) == (Country.Kind.NON_MEMBER, "Japón")
    assert Agreement.objects.get(slug="us-jp").parties.filter(country=japan).exists()
