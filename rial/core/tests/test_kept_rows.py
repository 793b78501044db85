"""A list page's rows (the program and document cards) are drawn once per page of results and kept until the next
committed write: the same rows for every reader, in the page's language, never older than the records."""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import login
from rial.library.models import Document
from rial.library.tests.factories import DocumentFactory
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

# These tests commit (transaction=True): a test's own uncommitted writes make every row be drawn afresh.
committing = pytest.mark.django_db(transaction=True)


def _get(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def _reads(statements: list[str], table: str) -> bool:
    return any(f'FROM "{table}"' in sql for sql in statements)


@committing
def test_the_program_rows_are_read_once_and_drawn_again_after_a_committed_write():
    program = ProgramFactory(name_en="Youth apprenticeships")
    url = reverse("portfolio:list")
    first, statements = _get(Client(), url)
    assert "Youth apprenticeships" in first and _reads(statements, "portfolio_program")
    again, statements = _get(Client(), url)
    assert again == first and not _reads(statements, "portfolio_program")  # kept: the rows are not read again
    Program.objects.filter(pk=program.pk).update(name_en="Apprenticeships for young people")  # committed
    after, statements = _get(Client(), url)
    assert "Apprenticeships for young people" in after and "Youth apprenticeships" not in after
    assert _reads(statements, "portfolio_program")


@committing
def test_a_new_published_program_is_listed_on_the_next_request():
    ProgramFactory(name_en="Older program")
    url = reverse("portfolio:list")
    _get(Client(), url)
    ProgramFactory(name_en="Newly published program")
    page, _ = _get(Client(), url)
    assert "Newly published program" in page and "2 programs found." in page


@committing
def test_each_filter_and_each_page_has_its_own_rows():
    ProgramFactory(name_en="Chilean program")
    url = reverse("portfolio:list")
    everything, _ = _get(Client(), url)
    none, _ = _get(Client(), url + "?country=BR")
    assert "Chilean program" in everything
    assert "Chilean program" not in none and "No published program matches these filters." in none
    beyond, _ = _get(Client(), url + "?page=2")  # past the last page: Django's paginator shows the last one
    assert "Chilean program" in beyond


@committing
def test_two_pages_of_the_same_list_keep_their_own_rows():
    """The rows' key is the whole list's statement (kept by the count) with the page's slice."""
    for number in range(30):
        ProgramFactory(name_en=f"Numbered program {number:02d}")
    url = reverse("portfolio:list")
    names = lambda page: {f"Numbered program {n:02d}" for n in range(30) if f"Numbered program {n:02d}<" in page}  # noqa: E731
    first, _ = _get(Client(), url)
    second, _ = _get(Client(), url + "?page=2")
    assert len(names(first)) == 25 and len(names(second)) == 5 and not names(first) & names(second)
    second_again, statements = _get(Client(), url + "?page=2")
    first_again, _ = _get(Client(), url)
    assert names(second_again) == names(second) and names(first_again) == names(first)
    assert not _reads(statements, "portfolio_program")


@committing
def test_the_rows_are_drawn_in_the_language_of_the_page():
    ProgramFactory(name_en="Labor intermediation", name_es="Intermediación laboral")
    english, _ = _get(Client(), "/en/programs/")
    spanish, _ = _get(Client(), "/es/programs/")
    assert "Labor intermediation" in english and " Compare</label>" in english
    assert "Intermediación laboral" in spanish and " Comparar</label>" in spanish


@committing
def test_a_signed_in_reader_sees_the_same_rows_and_their_own_links(focal_cl):
    ProgramFactory(name_en="Shared program")
    url = reverse("portfolio:list")
    anonymous, _ = _get(Client(), url)
    signed_in, statements = _get(login(Client(), focal_cl), url)
    assert not _reads(statements, "portfolio_program")  # the anonymous visit's rows serve the focal point too
    cards = anonymous[anonymous.index('<ul class="cards">'):anonymous.index("</ul>", anonymous.index('<ul class="cards">'))]
    assert "Shared program" in cards and cards in signed_in
    assert "Add a program" in signed_in and "Add a program" not in anonymous


@committing
def test_a_transaction_that_wrote_draws_what_it_sees():
    ProgramFactory(name_en="Before")
    url = reverse("portfolio:list")
    _get(Client(), url)
    with transaction.atomic():
        ProgramFactory(name_en="Written in this transaction")
        page, _ = _get(Client(), url)  # the token changes only at the commit: the kept rows would be old
        assert "Written in this transaction" in page


@committing
def test_the_document_rows_are_kept_until_a_committed_write():
    document = DocumentFactory(title_en="Labor inspection guide")
    url = reverse("library:list")
    first, statements = _get(Client(), url)
    assert "Labor inspection guide" in first and _reads(statements, "library_document")
    again, statements = _get(Client(), url)
    assert again == first and not _reads(statements, "library_document")
    Document.objects.filter(pk=document.pk).update(status=Document.Status.DRAFT)  # withdrawn, committed
    after, _ = _get(Client(), url)
    assert "Labor inspection guide" not in after and "No published document matches these filters." in after


@committing
def test_the_api_lists_keep_their_rows_until_a_committed_write():
    program = ProgramFactory(name_en="Listed through the API")
    DocumentFactory(title_en="Study listed through the API")
    first, statements = _get(Client(), "/api/v1/programs")
    assert "Listed through the API" in first and _reads(statements, "portfolio_program")
    again, statements = _get(Client(), "/api/v1/programs")
    assert again == first and not _reads(statements, "portfolio_program")
    _get(Client(), "/api/v1/documents")
    _, statements = _get(Client(), "/api/v1/documents")
    assert not _reads(statements, "library_document")
    Program.objects.filter(pk=program.pk).update(name_en="Renamed through a write")  # committed
    after, _ = _get(Client(), "/api/v1/programs")
    assert "Renamed through a write" in after and "Listed through the API" not in after
    other_page, _ = _get(Client(), "/api/v1/programs?offset=1")  # another statement: its own rows
    assert "Renamed through a write" not in other_page
