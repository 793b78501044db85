"""A follow-up form sent twice before its page comes back (a double click on a slow connection: two POSTs,
the first answer abandoned by the browser) records one progress report and one piece of evidence, and the
page says "Saved." once, for the focal point responsible and for the Secretariat alike."""

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.models import Evidence, ProgressReport
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandate():
    plan = factories.plan()
    return factories.mandate(plan, factories.group(plan.conference, 1, chair="Chile"))


def url(name, mandate):
    return reverse(f"conference:{name}", kwargs={"pk": mandate.pk})


@pytest.mark.parametrize("persona", ["focal_cl", "secretariat"])
def test_each_form_sent_twice_is_saved_once_and_said_once(client, request, mandate, persona):
    login(client, request.getfixturevalue(persona))
    sent = [
        (url("mandate_follow_up", mandate), {"status": "in_progress", "progress": "30", "notes": ""}),
        (url("mandate_report_add", mandate), {"date": "2026-11-02", "text": "Held the inspectors' workshop.",
                                              "progress": "40"}),
        (url("mandate_evidence_add", mandate), {"description": "Workshop report", "url": "https://example.org/w",
                                                "visibility": "public"}),
    ]
    for address, data in sent:
        assert [client.post(address, data).status_code for _twice in range(2)] == [302, 302]
        page = client.get(mandate.get_absolute_url()).text
        assert page.count("Saved.") == 1, address
    assert ProgressReport.objects.filter(mandate=mandate).count() == 1
    assert Evidence.objects.filter(mandate=mandate).count() == 1
    mandate.refresh_from_db()
    assert (mandate.status, mandate.progress) == ("in_progress", 40)


def test_a_second_different_report_is_a_second_report(client, mandate, focal_cl):
    login(client, focal_cl)
    for text in ("First workshop.", "Second workshop."):
        client.post(url("mandate_report_add", mandate), {"date": "2026-11-02", "text": text})
    assert ProgressReport.objects.filter(mandate=mandate).count() == 2
