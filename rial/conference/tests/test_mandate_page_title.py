"""A mandate page is titled by its label and plan, and a follow-up says "Saved." once."""

import re

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandate():
    plan = factories.plan()
    group = factories.group(plan.conference, 1, chair="Chile")
    return factories.mandate(plan, group, label="c")


def test_the_title_names_the_mandate_and_its_plan(client, mandate):
    page = client.get(mandate.get_absolute_url()).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith(f"Mandate c · Working Group 1 · {mandate.plan.title}")


@pytest.mark.parametrize("persona", ["focal_cl", "secretariat"])
def test_a_follow_up_says_saved_once(client, request, mandate, persona):
    login(client, request.getfixturevalue(persona))
    response = client.post(reverse("conference:mandate_follow_up", kwargs={"pk": mandate.pk}),
                           {"status": "in_progress", "progress": "30", "notes": "Saved. Checked."}, follow=True)
    page = response.content.decode()
    assert page.count('class="message message-success"') == 1, page[page.find("<main"):][:3000]
