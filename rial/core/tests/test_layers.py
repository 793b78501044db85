"""The architecture check (`make layers`, in CI): the code keeps the contracts in pyproject.toml, and a
planted upward import breaks them — so the check itself is known to work, not just to pass."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The script installed beside this Python (the project's venv), else the one on the PATH.
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
if not LINT_IMPORTS.exists():
    LINT_IMPORTS = Path(shutil.which("lint-imports") or LINT_IMPORTS)


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH makes sure the `rial` analysed is the one in `project`, never another copy on the path.
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo", "--config", "pyproject.toml"],  # noqa: S603
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def copy_of_the_code(tmp_path_factory) -> Path:
    """The Python files of `rial` and the contracts, in a throwaway directory."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", project)
    for source in (ROOT / "rial").rglob("*.py"):
        target = project / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return project


def test_the_code_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_untouched_copy_keeps_every_contract(copy_of_the_code):
    # Proves the failures below come from the planted line, not from the copying.
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "line", "refusal"), [
    # core is below every app: it may not reach up into one.
    ("rial/core/planted.py", "from rial.portal import sections\n",
     "rial.core is not allowed to import rial.portal"),
    # directory is below accounts (roles come from the directory).
    ("rial/directory/planted.py", "import rial.accounts.roles\n",
     "rial.directory is not allowed to import rial.accounts"),
    # Apps in one layer import none of each other.
    ("rial/cooperation/planted.py", "from rial.forums import models\n",
     "rial.cooperation is not allowed to import rial.forums"),
    # A function-level import counts too.
    ("rial/topics/planted.py", "def later():\n    from rial.search.query import search\n    return search\n",
     "rial.topics is not allowed to import rial.search"),
    # Only search itself (and the API and URL assembly) imports rial.search, even from the layer above it.
    ("rial/portal/planted.py", "from rial.search import query\n",
     "Illegal imports of protected package rial.search"),
    # The fund's ledger is read through its services and queries only.
    ("rial/cooperation/planted.py", "from rial.fund.models import Entry\n",
     "Illegal imports of protected package rial.fund.models"),
])
def test_a_planted_import_breaks_the_check(copy_of_the_code, module, line, refusal):
    planted = copy_of_the_code / module
    planted.write_text(line)
    try:
        result = lint_imports(copy_of_the_code)
    finally:
        planted.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    assert refusal in result.stdout
    assert f"{module[:-3].replace('/', '.')} ->" in result.stdout


def test_a_new_app_must_be_placed_in_a_layer(copy_of_the_code):
    app = copy_of_the_code / "rial" / "surveys"
    app.mkdir()
    (app / "__init__.py").write_text("")
    try:
        result = lint_imports(copy_of_the_code)
    finally:
        shutil.rmtree(app)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "rial.surveys" in result.stdout


def app_imports() -> dict[str, set[str]]:
    """Which apps each app's code imports (tests left out: they may set up scenarios across apps)."""
    from django.apps import apps
    from grimp import build_graph

    names = {config.name.split(".")[1] for config in apps.get_app_configs() if config.name.startswith("rial.")}
    graph = build_graph("rial", cache_dir=None)
    edges = {name: set() for name in names}
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) < 3 or parts[1] not in names or "tests" in parts:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")
            if len(target) > 1 and target[1] in names and target[1] != parts[1]:
                edges[parts[1]].add(target[1])
    return edges


def test_installed_apps_lists_every_app_after_the_apps_it_imports():
    # load_demo and the migrations run apps in INSTALLED_APPS order, so an app must come after those it uses.
    from django.apps import apps

    order = [config.name.split(".")[1] for config in apps.get_app_configs() if config.name.startswith("rial.")]
    late = {(app, imported) for app, imports in app_imports().items() for imported in imports
            if order.index(imported) > order.index(app)}
    assert not late


def test_the_architecture_page_draws_the_real_graph():
    page = (ROOT / "docs" / "architecture.md").read_text()
    drawing = page.split("## Apps and their dependencies", 1)[1].split("```", 2)[1]
    drawn: dict[str, set[str]] = {}
    app = ""
    for line in drawing.splitlines():
        # "layer 5  meetings      ─► conference topics accounts directory core   (a note)"; a line indented
        # past the app names continues the one before.
        line = re.sub(r"^layer \d+", lambda match: " " * len(match.group()), line).split("(")[0].rstrip()
        if not line.strip():
            continue
        if len(line) - len(line.lstrip()) <= 9:
            app, _arrow, line = line.strip().partition("─►")
            app = app.strip()
        drawn.setdefault(app, set()).update(line.replace("─►", "").split())
    assert drawn == app_imports()


#: An app's own plumbing: another app that needs what these do calls the app's services or queries instead.
PRIVATE = {"views", "forms", "admin", "urls", "tasks", "templatetags", "management", "migrations", "apps"}


def reaching_in(graph) -> set[str]:
    """Imports of another app's private modules (core's admin and forms are the kit every app builds on;
    rial.api and rial.urls, outside every app, assemble the apps' routers and URLconfs)."""
    found = set()
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) < 3 or "tests" in parts:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")
            if len(target) > 2 and target[1] not in (parts[1], "core") and target[2] in PRIVATE:
                found.add(f"{module} -> {imported}")
    return found


def test_no_app_imports_the_pages_forms_admin_or_tasks_of_another():
    from grimp import build_graph

    assert reaching_in(build_graph("rial", cache_dir=None)) == set()


def test_a_planted_import_of_another_apps_form_is_found():
    from grimp import build_graph

    graph = build_graph("rial", cache_dir=None)
    graph.add_import(importer="rial.portfolio.planted", imported="rial.directory.forms")
    graph.add_import(importer="rial.portfolio.tests.test_planted", imported="rial.directory.views")
    graph.add_import(importer="rial.portfolio.planted", imported="rial.core.forms")
    assert reaching_in(graph) == {"rial.portfolio.planted -> rial.directory.forms"}
