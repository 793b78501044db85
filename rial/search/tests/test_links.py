"""A hit links to the reader's language, whichever way its app wrote the address: the document normalises
the address when it is made, so the index holds one form and the page only adds the reader's prefix."""

from rial.core.searchable import SearchDocument, language_neutral
from rial.search.views import localized


def study(url: str) -> SearchDocument:
    return SearchDocument(kind="study", key="1", url=url, language="en", title="A study")


def test_an_address_written_with_any_language_prefix_is_stored_without_it():
    assert study("/en/conference/plans/3/").url == "/conference/plans/3/"
    assert study("/fr/meetings/7/").url == "/meetings/7/"
    assert study("/programs/5/").url == "/programs/5/"
    assert language_neutral("/es") == "/"


def test_a_path_that_only_starts_like_a_language_is_kept():
    assert study("/english-courses/1/").url == "/english-courses/1/"
    assert study("/events/2/").url == "/events/2/"


def test_the_page_adds_the_readers_language():
    assert localized(study("/en/programs/5/").url, "es") == "/es/programs/5/"


def test_an_address_of_another_site_is_left_alone():
    assert study("https://www.oas.org/").url == "https://www.oas.org/"
    assert localized("https://www.oas.org/", "es") == "https://www.oas.org/"


def test_language_countries_and_translations_are_normalised():
    document = SearchDocument(kind="study", key=7, url="/s/7/", language="pt-BR", title=" Estudo ",
                              translations={"es": ("Estudio", ""), "de": ("Studie", ""), "pt": ("x", "y"),
                                            "fr": ("", "")},
                              countries=("cl", "CL", "br"), year="2020")
    assert document.language == "pt" and document.key == "7" and document.title == "Estudo"
    assert document.translations == {"es": ("Estudio", "")}
    assert document.countries == ("CL", "BR") and document.year == 2020
