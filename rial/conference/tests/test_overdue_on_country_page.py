"""A country page lists the mandates its institutions lead: one past its due date and not done says so."""

import pytest
from django.urls import reverse

from rial.conference.models import Mandate
from rial.conference.tests import factories
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db


def test_an_overdue_mandate_is_flagged_on_the_country_page(client):
    plan = factories.plan(95)
    late = factories.mandate(plan, text="Late mandate of Chile", due_date=factories.due(-10))
    done = factories.mandate(plan, text="Done mandate of Chile", due_date=factories.due(-10),
                             status=Mandate.Status.DONE)
    for mandate in (late, done):
        mandate.responsible_institutions.add(Institution.objects.get(slug="ministry-cl"))
    html = client.get(reverse("directory:country", args=["cl"])).content.decode()
    rows = {mandate.text: html.split(mandate.text, 1)[1].split("</li>", 1)[0] for mandate in (late, done)}
    assert "badge-overdue" in rows["Late mandate of Chile"]
    assert "badge-overdue" not in rows["Done mandate of Chile"]
