"""The coverage lookup on the real agreements (the cases the issue names)."""

import datetime

import pytest

from rial.agreements.coverage import coverage
from rial.agreements.models import Agreement, AgreementParty
from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db


def titles(findings):
    return [finding.agreement.slug for finding in findings]


def test_chile_and_the_united_states_are_covered_from_december_2001():
    after = coverage("CL", "US", datetime.date(2001, 12, 1))
    assert after.covered and titles(after.agreements) == ["us-cl"]
    finding = after.agreements[0]
    assert (finding.since, finding.certain, finding.agreement.totalization) == (datetime.date(2001, 12, 1), True, True)
    assert finding.agreement.branches == ["old_age", "invalidity", "survivors"]


def test_chile_and_the_united_states_are_not_covered_before_december_2001():
    before = coverage("CL", "US", datetime.date(2001, 11, 30))
    assert not before.covered
    assert titles(before.alternatives) == ["us-cl"]
    assert before.alternatives[0].since == datetime.date(2001, 12, 1)


def test_mexico_and_the_united_states_are_not_covered_by_an_agreement_signed_but_not_in_force():
    result = coverage("MX", "US", datetime.date(2024, 1, 1))
    assert not result.covered
    assert titles(result.alternatives) == ["us-mx"]
    assert "not in force" in result.alternatives[0].reason


def test_brazil_and_uruguay_are_covered_by_mercosur_and_the_ibero_american_agreement():
    result = coverage("BR", "UY", datetime.date(2024, 1, 1))
    assert set(titles(result.agreements)) == {"mercosur", "ibero-american-multilateral"}
    by_slug = {finding.agreement.slug: finding for finding in result.agreements}
    # Uruguay applied the Ibero-American agreement last of the two, on 2011-10-01.
    assert by_slug["ibero-american-multilateral"].since == datetime.date(2011, 10, 1)
    assert by_slug["ibero-american-multilateral"].certain is True
    # MERCOSUR's entry into force is unconfirmed in the source.
    assert by_slug["mercosur"].certain is False
    # The sure answer comes first.
    assert titles(result.agreements)[0] == "ibero-american-multilateral"


def test_colombia_and_peru_are_covered_by_the_ibero_american_agreement_from_august_2023():
    result = coverage("CO", "PE", datetime.date(2023, 8, 1))
    assert titles(result.agreements) == ["ibero-american-multilateral"]
    assert result.agreements[0].since == datetime.date(2023, 8, 1)
    andean = {finding.agreement.slug: finding for finding in result.alternatives}["andean-decision-583"]
    assert andean.certain is False
    assert "implementing regulation" in andean.reason
    assert not coverage("CO", "PE", datetime.date(2023, 7, 31)).covered


def test_jamaica_and_barbados_are_covered_by_caricom():
    result = coverage("JM", "BB", datetime.date(2024, 1, 1))
    assert titles(result.agreements) == ["caricom"]
    # Barbados ratified on 1997-05-28, after the entry into force on 1997-04-01.
    assert result.agreements[0].since == datetime.date(1997, 5, 28)


def test_a_non_member_party_is_covered_too():
    # The confirmed multilateral answer comes first; Spain's bilateral, with unconfirmed dates, after it.
    assert titles(coverage("ES", "CL", datetime.date(2024, 1, 1)).agreements) == ["ibero-american-multilateral", "es-cl"]


def test_a_party_that_withdrew_is_no_longer_covered():
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL, in_force=datetime.date(2001, 1, 1))
    party(agreement, "GT")
    party(agreement, "HN", ended=datetime.date(2010, 1, 1))
    assert coverage("GT", "HN", datetime.date(2009, 12, 31)).covered
    later = coverage("GT", "HN", datetime.date(2010, 1, 1))
    assert not later.covered and "stopped applying" in later.alternatives[0].reason


def test_an_archived_agreement_covers_nobody():
    agreement = AgreementFactory()
    party(agreement, "GT")
    party(agreement, "HN")
    agreement.archive()
    agreement.save()
    assert not coverage("GT", "HN", datetime.date(2020, 1, 1)).covered


def test_countries_without_any_agreement_get_no_alternative():
    result = coverage("HT", "CR", datetime.date(2024, 1, 1))
    assert (result.covered, result.alternatives) == (False, [])
    assert AgreementParty.objects.filter(country__iso2="HT").count() == 0


def test_the_lookup_runs_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        coverage("BR", "UY", datetime.date(2024, 1, 1))
