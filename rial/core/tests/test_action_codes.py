"""Action codes are constants each app declares with a label, so the history page lists and translates them."""

import ast
import importlib
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
APPS = sorted(path.parent.name for path in RIAL.glob("*/apps.py"))
# The functions that write a history row's action code (their ``action`` argument, or the one value assigned).
LOGGING = {"save_logged", "create_logged"}


def _app_code(app: str):
    for path in sorted((RIAL / app).rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        yield path, ast.parse(path.read_text(), filename=str(path))


def _looks_like_a_code(value) -> bool:
    """``"fund.entry.reversed"``: an installed app's label, then at least one dotted word."""
    if not isinstance(value, str) or "." not in value or " " in value:
        return False
    head, _dot, rest = value.partition(".")
    return head in APPS and rest != "" and all(part.isidentifier() for part in rest.split("."))


def _called(node: ast.Call) -> str:
    function = node.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


def _built(node) -> bool:
    """An f-string, a concatenation or a ``.format`` call that starts like an action code."""
    if isinstance(node, ast.JoinedStr):
        head = node.values[0] if node.values else None
        return isinstance(head, ast.Constant) and _looks_like_a_code(f"{head.value}x")
    if isinstance(node, ast.BinOp):
        return _built(node.left) or (isinstance(node.left, ast.Constant) and _looks_like_a_code(f"{node.left.value}x"))
    return False


def _problems(app: str) -> list[str]:
    """Every place in ``app`` that writes an action code out as a literal or builds one at run time.

    An action code is what a history row records as its reason: the ``action`` given to a call
    (``save_logged``, or a helper that passes it on) or a value set as ``_change_reason``. Notification
    kinds and keys (``notify(kind=..., key=...)``) are another namespace of the same shape and are left alone.
    """
    problems = []
    for path, tree in _app_code(app):
        where = path.relative_to(RIAL.parent)
        written = []
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "action":
                written.append(node.value)
            elif isinstance(node, ast.Assign) and any(
                    isinstance(target, ast.Attribute) and target.attr == "_change_reason" for target in node.targets):
                written.append(node.value)
                if not isinstance(node.value, ast.Name | ast.Attribute | ast.Subscript | ast.Call):
                    problems.append(f"{where}:{node.lineno}: a history reason is set without a declared constant")
        for value in written:
            for part in ast.walk(value):
                if isinstance(part, ast.Constant) and _looks_like_a_code(part.value):
                    problems.append(f"{where}:{part.lineno}: {part.value!r} is written out: use its constant")
                if _built(part):
                    problems.append(f"{where}:{part.lineno}: an action code is built at run time")
        if path.name != "actions.py":
            notices = {keyword.value for call in ast.walk(tree) if isinstance(call, ast.Call)
                       and _called(call) == "notify" for keyword in call.keywords if keyword.arg in ("kind", "key")}
            # Notification kinds are their own namespace; declaring one that shares an action's name is no action.
            notices |= {key for call in ast.walk(tree) if isinstance(call, ast.Call) and _called(call) == "declare_kinds"
                        for mapping in call.args if isinstance(mapping, ast.Dict) for key in mapping.keys}
            for node in ast.walk(tree):
                # A declared code anywhere else (a mapping of states to codes, a default) is its constant too.
                if isinstance(node, ast.Constant) and node.value in declared_actions() and node not in notices:
                    problems.append(f"{where}:{node.lineno}: {node.value!r} is written out: use its constant")
    return sorted(set(problems))


@pytest.mark.parametrize("app", APPS)
def test_no_app_writes_out_or_builds_an_action_code(app):
    assert _problems(app) == []


@pytest.mark.parametrize("app", APPS)
def test_every_constant_an_app_declares_is_labelled_and_its_own(app):
    if not (RIAL / app / "actions.py").exists():
        writes = [path for path, tree in _app_code(app) for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and _called(node) in LOGGING]
        assert writes == [], f"rial/{app} logs writes but declares no actions.py"
        return
    module = importlib.import_module(f"rial.{app}.actions")
    constants = {name: value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}
    assert constants, f"rial/{app}/actions.py declares nothing"
    declared = declared_actions()
    for name, code in constants.items():
        assert code.startswith(f"{app}."), f"{name} = {code!r} is not a code of {app}"
        assert code in module.ACTIONS and code in declared, f"{name} = {code!r} has no label"
    assert set(module.ACTIONS) == set(constants.values())


def test_a_code_written_out_or_built_at_run_time_is_found():
    planted = RIAL / "core" / "planted_action_codes.py"
    planted.write_text('save_logged(x, user=u, action=f"forums.thread.{move}")\n'
                       'other(action="fund.entry.reversed")\nobj._change_reason = "library.document.saved"\n'
                       'save_logged(x, user=u, action="core.thing." + verb)\n')
    try:
        found = [problem for problem in _problems("core") if "planted_action_codes" in problem]
    finally:
        planted.unlink()
    assert len(found) == 5, found


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
