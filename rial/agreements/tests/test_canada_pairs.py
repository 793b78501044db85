"""The six Canada agreements a worker asked about and was told "none": each answered with its date."""

import datetime

import pytest

from rial.agreements.coverage import coverage

pytestmark = pytest.mark.django_db

CANADA_PAIRS = {
    "JM": datetime.date(1984, 1, 1),
    "TT": datetime.date(1999, 7, 1),
    "UY": datetime.date(2002, 1, 1),
    "LC": datetime.date(1988, 1, 1),
    "KN": datetime.date(1994, 1, 1),
    "VC": datetime.date(1998, 11, 1),
}


@pytest.mark.parametrize("other", sorted(CANADA_PAIRS))
def test_canada_and_each_partner_are_covered_from_the_agreements_entry_into_force(other):
    since = CANADA_PAIRS[other]
    today = coverage("CA", other, datetime.date(2024, 1, 1))
    bilateral = [f for f in today.agreements if f.agreement.kind == "bilateral"]
    assert [(f.since, f.certain, f.agreement.verified) for f in bilateral] == [(since, True, True)]
    assert bilateral[0].agreement.source
    day_before = coverage("CA", other, since - datetime.timedelta(days=1))
    assert not [f for f in day_before.agreements if f.agreement.kind == "bilateral"]


def test_the_pair_reads_the_same_in_either_order():
    assert coverage("JM", "CA", datetime.date(2024, 1, 1)).covered


def test_trinidad_and_tobago_leaves_disability_out():
    finding = coverage("CA", "TT", datetime.date(2024, 1, 1)).agreements[0]
    assert finding.agreement.branches == ["old_age", "survivors"]
