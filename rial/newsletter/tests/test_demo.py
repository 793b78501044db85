"""The demo: 1,000 DEMO subscribers on example.org and a DEMO issue in the four languages from demo records."""

import pytest

from rial.core.management.commands.load_demo import demo_modules
from rial.newsletter.models import Issue, Section, Subscriber

pytestmark = pytest.mark.django_db


def test_load_demo_subscribes_a_thousand_demo_addresses_and_composes_a_draft_in_four_languages():
    modules = list(demo_modules())
    for _label, module in modules:
        if hasattr(module, "load_demo"):
            module.load_demo()
    demo = Subscriber.objects.filter(is_demo=True, email__endswith="@example.org")
    assert demo.count() == 1000
    assert set(demo.values_list("state", flat=True)) == {Subscriber.State.CONFIRMED}
    assert all(name.startswith("DEMO ") for name in demo.values_list("name", flat=True))
    assert set(demo.values_list("language", flat=True)) == {"en", "es", "pt", "fr"}
    issue = Issue.objects.get(is_demo=True)
    assert issue.state == Issue.State.DRAFT and issue.languages == ["en", "es", "pt", "fr"]
    assert issue.title_en.startswith("DEMO") and issue.title_es.startswith("Número DEMO")
    sections = set(issue.items.values_list("section", flat=True))
    assert {Section.COOPERATION, Section.EVENTS, Section.PROGRAMS, Section.NEWS, Section.LINKS} <= sections
    assert all(item.title_es and item.title_pt and item.title_fr for item in issue.items.all())

    for _label, module in modules:  # idempotent
        if hasattr(module, "load_demo"):
            module.load_demo()
    assert Subscriber.objects.filter(is_demo=True, email__endswith="@example.org").count() == 1000
    assert Issue.objects.filter(is_demo=True).count() == 1
