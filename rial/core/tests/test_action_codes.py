"""Action codes are constants each app declares with a label, so the history page lists and translates them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from conftest import login
from rial.core.audit import action_label, declared_actions
from rial.portfolio import services as portfolio_services
from rial.portfolio.tests.factories import ProgramFactory

RIAL = Path(settings.BASE_DIR) / "rial"
DECLARING = sorted(path.parent.name for path in RIAL.glob("*/actions.py"))
LITERAL = re.compile(r'action=(f?)"([a-z_]+\.[a-z_.{}]+)"')


@pytest.mark.parametrize("app", DECLARING)
def test_every_code_an_app_writes_is_declared_and_none_is_built_at_run_time(app):
    declared = declared_actions()
    for path in (RIAL / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for is_fstring, code in LITERAL.findall(path.read_text()):
            assert not is_fstring, f"{path}: {code} is built at run time"
            assert code in declared, f"{path}: {code} is not declared in rial/{app}/actions.py"


def test_labels_follow_the_readers_language_and_a_restore_names_its_version():
    with translation.override("es"):
        assert action_label("portfolio.program.submitted") == "enviado a revisión"
        assert action_label("core.restored.42") == "versión anterior restaurada (42)"
    assert action_label("someapp.thing.undeclared") == "someapp.thing.undeclared"


@pytest.mark.django_db
def test_the_history_page_shows_the_label(client, secretariat, focal_cl):
    program = ProgramFactory(status="draft")
    portfolio_services.program_submit(program=program, user=focal_cl)
    login(client, secretariat)
    url = reverse("core:history", kwargs={"app_label": "portfolio", "model_name": "program", "pk": program.pk})
    page = client.get("/es" + url[3:]).content.decode()
    assert 'title="portfolio.program.submitted">(enviado a revisión)' in page
