import pytest
from django.db import IntegrityError

from rial.conference.models import Conference, from_roman, to_roman


@pytest.mark.parametrize(("number", "roman"), [(1, "I"), (4, "IV"), (14, "XIV"), (19, "XIX"), (22, "XXII"),
                                               (49, "XLIX")])
def test_roman_numerals_both_ways(number, roman):
    assert to_roman(number) == roman
    assert from_roman(roman) == number


@pytest.mark.parametrize("text", ["", "XIIII", "ABC", "IIV"])
def test_not_a_roman_numeral_is_refused(text):
    with pytest.raises(ValueError):
        from_roman(text)


@pytest.mark.django_db
def test_conference_shows_its_number_in_roman_numerals():
    conference = Conference.objects.create(number=91, year=2090, city="Test City")
    assert conference.roman == "XCI"
    assert str(conference) == "XCI IACML"


@pytest.mark.django_db
def test_conference_number_is_unique():
    Conference.objects.create(number=90, year=2090)
    with pytest.raises(IntegrityError):
        Conference.objects.create(number=90, year=2091)
