"""What the conference app gives the search box: published mandates and plans, in every language written."""

import pytest

from rial.conference import search
from rial.conference.tests import factories
from rial.core.searchable import SearchDocument

pytestmark = pytest.mark.django_db


def test_published_mandates_and_plans_are_documents():
    plan = factories.plan(91)
    group = factories.group(plan.conference, 1, chair="Chile", vice_chairs=("Peru",))
    mandate = factories.mandate(plan, group, label="a", text_en="Survey child labor", text_es="Encuesta de trabajo infantil")
    dropped = factories.mandate(plan, group, text="Dropped")
    dropped.archive()
    dropped.save()
    documents = list(search.ConferenceSource().documents())
    assert all(isinstance(document, SearchDocument) for document in documents)
    kinds = {(document.kind, document.key) for document in documents}
    assert ("plan", str(plan.pk)) in kinds and ("mandate", str(mandate.pk)) in kinds
    assert ("mandate", str(dropped.pk)) not in kinds
    document = search.ConferenceSource().document(mandate)
    assert document.language == "en" and document.countries == ("CL", "PE") and document.year == 2090
    assert document.translations["es"][1] == "Encuesta de trabajo infantil"
    assert "XCI IACML" in document.title
    assert search.ConferenceSource().document(dropped) is None


def test_an_archived_plan_hides_its_mandates():
    plan = factories.plan(92)
    mandate = factories.mandate(plan, None)
    plan.archive()
    plan.save()
    assert search.ConferenceSource().document(plan) is None
    mandate.refresh_from_db()
    assert search.ConferenceSource().document(mandate) is None
