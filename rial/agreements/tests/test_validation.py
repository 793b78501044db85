import datetime

import pytest
from django.core.exceptions import ValidationError

from rial.agreements.models import Agreement, AgreementParty
from rial.agreements.tests.factories import AgreementFactory, party

pytestmark = pytest.mark.django_db


def test_entry_into_force_before_signature_is_refused():
    agreement = AgreementFactory.build(signed=datetime.date(2010, 5, 1), in_force=datetime.date(2009, 1, 1))
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "entry into force cannot precede the signature" in str(error.value)


def test_a_year_only_signature_accepts_an_entry_into_force_in_the_same_year():
    agreement = AgreementFactory.build(signed=datetime.date(1996, 1, 1), signed_precision="year",
                                       in_force=datetime.date(1996, 1, 1))
    agreement.full_clean()


def test_a_party_date_before_the_signature_is_refused():
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL)
    chile = party(agreement, "CL")
    chile.ratified = datetime.date(1999, 12, 31)
    with pytest.raises(ValidationError) as error:
        chile.full_clean()
    assert "before the agreement was signed" in str(error.value)
    assert AgreementParty.objects.get(pk=chile.pk).ratified is None


def test_a_party_date_after_the_agreement_ended_is_refused():
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL, status="terminated", ended=datetime.date(2010, 1, 1))
    chile = party(agreement, "CL")
    chile.effective = datetime.date(2011, 1, 1)
    with pytest.raises(ValidationError) as error:
        chile.full_clean()
    assert "after the agreement ended" in str(error.value)


def test_an_effective_application_before_the_entry_into_force_is_refused():
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL)
    chile = party(agreement, "CL")
    chile.effective = datetime.date(2000, 6, 1)
    with pytest.raises(ValidationError, match="cannot precede the agreement's entry into force"):
        chile.full_clean()


def test_an_agreement_in_force_without_a_date_is_refused():
    with pytest.raises(ValidationError, match="needs the date of its entry into force"):
        AgreementFactory.build(in_force=None).full_clean()


def test_a_terminated_agreement_without_an_end_date_is_refused():
    with pytest.raises(ValidationError, match="needs the date it ended"):
        AgreementFactory.build(status="terminated").full_clean()


def test_a_party_that_left_without_a_date_is_refused():
    agreement = AgreementFactory(kind=Agreement.Kind.MULTILATERAL)
    chile = party(agreement, "CL")
    chile.status = "terminated"
    with pytest.raises(ValidationError, match="needs the date it did so"):
        chile.full_clean()
