"""The home page's body is drawn once per day and language and kept until the next committed write, for every
reader; a map draws the same records the same way whatever order the database returned them in."""

import pytest
from django.test import Client

from conftest import login
from rial.portal import atlas
from rial.portfolio.tests.factories import ProgramFactory

BODY = "portal/includes/home_body.html"


def _drew_body(response) -> bool:
    return BODY in [template.name for template in response.templates]


@pytest.mark.django_db(transaction=True)
def test_the_body_is_drawn_once_then_again_after_a_committed_write(focal_cl):
    ProgramFactory(name_en="First program on the home page")
    first = Client().get("/en/")
    assert _drew_body(first) and "First program on the home page" in first.content.decode()
    again = Client().get("/en/")
    assert not _drew_body(again) and again.content == first.content
    signed_in = login(Client(), focal_cl).get("/en/")  # the same body serves a signed-in reader
    assert not _drew_body(signed_in) and "First program on the home page" in signed_in.content.decode()
    ProgramFactory(name_en="Second program on the home page")  # committed: the token changes
    after = Client().get("/en/")
    assert _drew_body(after) and "Second program on the home page" in after.content.decode()


@pytest.mark.django_db(transaction=True)
def test_each_language_has_its_own_body():
    english = Client().get("/en/").content.decode()
    spanish = Client().get("/es/").content.decode()
    assert "Latest programs" in english and "Latest programs" not in spanish


def test_equal_flows_are_drawn_in_the_same_order_whatever_order_they_came_in():
    flows = {("CL", "BR"): 1, ("AR", "UY"): 1, ("MX", "CO"): 2, ("BR", "PE"): 1}
    drawn = atlas.choropleth(title="t", description="d", flows=flows).flows
    reversed_order = atlas.choropleth(title="t", description="d", flows=dict(reversed(list(flows.items())))).flows
    assert [(flow.source, flow.target) for flow in drawn] == [(flow.source, flow.target) for flow in reversed_order]
    assert [(flow.source, flow.target) for flow in drawn][-1] == ("MX", "CO")  # the busiest on top
