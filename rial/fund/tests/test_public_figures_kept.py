"""The public page's figures and charts are kept until the next write (views.public_figures, core.derived)."""

import pytest
from django.urls import reverse

from conftest import login
from rial.fund.tests.factories import contribution

pytestmark = pytest.mark.django_db


def test_the_public_figures_are_kept_and_drawn_again_after_a_write(client, request, django_assert_num_queries):
    url = reverse("fund:home")
    first = client.get(url)
    with django_assert_num_queries(0):  # kept: an anonymous reader's page reads nothing
        assert client.get(url).content == first.content
    # A write in this (test) transaction: the page is built from what the transaction sees, never the kept one.
    contribution(request.getfixturevalue("secretariat"), amount="1000.00")
    after = client.get(url)
    assert after.context["totals"].received == first.context["totals"].received + 1000
    assert "2026: USD 1,000" in after.content.decode() and "2026: USD 1,000" not in first.content.decode()


def test_a_signed_in_reader_sees_the_figures_and_the_links_of_their_role(client, focal_cl):
    page = login(client, focal_cl).get(reverse("fund:home")).content.decode()
    assert page.count('<svg viewBox="0 0 640 260"') == 2
    assert "Announce a pledge of your ministry" in page and "Open the ledger" not in page
