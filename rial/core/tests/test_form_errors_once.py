"""A form sent with mistakes says "Nothing was saved" once, at its top, with every error listed there and each
beside its field: the summary (includes/form_errors.html) is the one way, and views add no message of their own."""

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import login
from rial.conference.models import WorkingGroup

pytestmark = pytest.mark.django_db


def _answer(client, address: str, data: dict) -> str:
    response = client.post(address, data)
    assert response.status_code == 200
    return response.content.decode()


def test_the_meeting_form_says_it_once_with_its_formsets(secretariat_client):
    management = {f"{prefix}-{name}": value for prefix in ("participants", "questions", "conclusions", "documents")
                  for name, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))}
    page = _answer(secretariat_client, reverse("meetings:add"), management)
    assert page.count("Nothing was saved") == 1
    summary = page.split('class="form-errors error-summary"', 1)[1].split("</div>", 1)[0]
    assert "Kind: This field is required." in summary


def test_a_report_draft_with_its_period_backwards_says_it_once(secretariat_client):
    group = WorkingGroup.objects.order_by("pk").first()
    page = _answer(secretariat_client, reverse("meetings:report_add"), {
        "group": group.pk, "period_start": "2024-12-31", "period_end": "2024-01-01", "language": "en"})
    assert page.count("Nothing was saved") == 1
    assert page.count("The period must end after it starts.") == 2  # in the summary and beside the field


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_a_document_without_a_title_says_it_once_in_each_language(client, ilo_rep, language):
    login(client, ilo_rep)
    with translation.override(language):
        address, nothing = reverse("library:create"), translation.gettext("Nothing was saved. Please correct:")
    page = _answer(client, address, {"title": "", "kind": "study", "language": "en"})
    assert nothing != "Nothing was saved. Please correct:" and page.count(nothing) == 1
    assert page.count(nothing.split(".")[0]) == 1
