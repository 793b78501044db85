"""A hit links to the reader's language, whichever way its app wrote the address into the index."""

from rial.search.views import localized


def test_an_address_without_prefix_gets_the_readers_language():
    assert localized("/programs/5/", "es") == "/es/programs/5/"


def test_an_address_saved_with_another_language_gets_the_readers():
    assert localized("/en/conference/plans/3/", "es") == "/es/conference/plans/3/"
    assert localized("/fr/meetings/7/", "en") == "/en/meetings/7/"


def test_an_address_of_another_site_is_left_alone():
    assert localized("https://www.oas.org/", "es") == "https://www.oas.org/"
