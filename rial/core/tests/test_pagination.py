"""The one pagination include keeps every filter of the address and changes only the page."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_next_and_previous_keep_the_filters():
    request = RequestFactory().get("/en/fund/ledger/", {"currency": "USD", "category": "airfare", "page": "2"})
    page = Paginator(range(100), 10).page(2)
    html = render_to_string("includes/pagination.html", {"page": page}, request=request)
    assert 'href="?currency=USD&amp;category=airfare&amp;page=1"' in html
    assert 'href="?currency=USD&amp;category=airfare&amp;page=3"' in html
    assert "Page 2 of 10" in html


def test_a_single_page_shows_no_pagination():
    request = RequestFactory().get("/en/meetings/")
    html = render_to_string("includes/pagination.html", {"page": Paginator(range(3), 10).page(1)}, request=request)
    assert html.strip() == ""
