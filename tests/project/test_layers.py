"""The layers hold (issue 12): the import-linter contracts in pyproject.toml pass, ui/ never
imports store or SQLAlchemy, no package's own modules import it back (the cycle a deferred
import used to hide), and no service finds a module by building its name."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp")  # import-linter's graph (a dev dependency)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "auditdesk"
FORBIDDEN_IN_UI = ("auditdesk.store", "sqlalchemy", "alembic")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, with its line, wherever the import statement is."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def ui_store_imports(ui: Path) -> list[str]:
    """Imports of store/SQLAlchemy/Alembic under `ui`, as 'file:line module'."""
    return [
        f"{path.relative_to(ui.parent)}:{line} {module}"
        for path in sorted(ui.rglob("*.py"))
        for line, module in _imports(path)
        if any(module == f or module.startswith(f + ".") for f in FORBIDDEN_IN_UI)
    ]


def test_ui_never_imports_store_or_sqlalchemy() -> None:
    assert ui_store_imports(PACKAGE / "ui") == []


def test_the_ui_check_finds_an_import_inside_a_function(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "panel.py").write_text(
        "def load():\n    from auditdesk.store.models import Audit\n    import sqlalchemy\n",
        encoding="utf-8",
    )
    assert ui_store_imports(ui) == [
        "ui/panel.py:2 auditdesk.store.models",
        "ui/panel.py:3 sqlalchemy",
    ]


def test_no_package_is_imported_back_by_what_it_imports() -> None:
    """A package's __init__ re-exports its modules; none of them may import the package again
    (audits → queries → protocol_data → audits was such a cycle, hidden by a deferred import)."""
    graph = grimp.build_graph("auditdesk")
    cycles = []
    for package in sorted(graph.modules):
        if not (PACKAGE.parent / package.replace(".", "/") / "__init__.py").is_file():
            continue
        for child in sorted(graph.find_modules_directly_imported_by(package)):
            if child.startswith(package + "."):
                chain = graph.find_shortest_chain(importer=child, imported=package)
                if chain:
                    cycles.append(" → ".join((package, *chain)))
    assert cycles == []


def test_no_service_finds_a_module_by_building_its_name() -> None:
    """Areas plug in through explicit lists of module names; nothing formats a module's name."""
    built = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "import_module"
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
            ):
                built.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert built == []


@pytest.mark.skipif(
    shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
    reason="import-linter is a dev dependency",
)
def test_import_contracts_are_kept() -> None:
    """The contracts of pyproject.toml [tool.importlinter], as CI runs them."""
    exe = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
