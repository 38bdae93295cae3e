"""The service packages that re-export their modules' names import a module only when one of
its names is first used (issue 14, services/lazy.py): the lists the package keeps (for the
lookup, for mypy and the frozen build's scan, `__all__`) agree, every name is the module's own
object, and a command imports only the modules it runs."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGES = ("auditdesk.services.audits", "auditdesk.services.appraisals")


def _type_checking_names(package: ModuleType) -> dict[str, str]:
    """name → module, as the package's `if TYPE_CHECKING:` imports list them."""
    assert package.__file__ is not None
    tree = ast.parse(Path(package.__file__).read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module is not None
                assert stmt.module.startswith(package.__name__ + ".")
                for alias in stmt.names:
                    found[alias.asname or alias.name] = stmt.module
    return found


@pytest.mark.parametrize("name", PACKAGES)
def test_the_package_lists_agree_and_each_name_is_its_modules_object(name: str) -> None:
    package = importlib.import_module(name)
    homes: dict[str, str] = package._HOME
    assert _type_checking_names(package) == homes
    assert sorted(package.__all__) == sorted(homes)
    for public, home in homes.items():
        module = importlib.import_module(home)
        assert getattr(package, public) is getattr(module, public), public
    assert set(homes) <= set(dir(package))


@pytest.mark.parametrize("name", PACKAGES)
def test_an_unknown_name_is_an_attribute_error_and_a_module_is_an_attribute(name: str) -> None:
    package = importlib.import_module(name)
    with pytest.raises(AttributeError, match="no_such_name"):
        package.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        exec(f"from {name} import no_such_name")
    module = sorted(set(package._HOME.values()))[0]
    assert getattr(package, module.rsplit(".", 1)[1]) is importlib.import_module(module)


# a fresh interpreter: what importing the protocol export loads, then what one name loads
IMPORTS = """
import sys
import auditdesk.services.protocols.export
print(" ".join(sorted(m for m in sys.modules if m.startswith("auditdesk.services.a"))))
print("postgresql" if "sqlalchemy.dialects.postgresql" in sys.modules else "-")
print("openpyxl" if "openpyxl" in sys.modules else "-")
from auditdesk.services.audits import list_audits
from auditdesk.services.appraisals import start_appraisal
print("queries" if "auditdesk.services.audits.queries" in sys.modules else "-")
print("flow" if "auditdesk.services.appraisals.flow" in sys.modules else "-")
"""


def test_the_protocol_export_imports_only_the_modules_it_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS], capture_output=True, text=True, timeout=120, check=True
    )
    modules, postgresql, openpyxl, queries, flow = done.stdout.splitlines()
    loaded = set(modules.split())
    # what the export reads the records with
    assert {
        "auditdesk.services.audits.protocol_data",
        "auditdesk.services.appraisals.protocol_data",
    } <= loaded
    # what it never runs: drafts, evidence, completing and its totals, the appraisal's steps
    for unused in (
        "auditdesk.services.audits.drafts",
        "auditdesk.services.audits.evidence",
        "auditdesk.services.audits.completion",
        "auditdesk.services.audits.counts",
        "auditdesk.services.audits.queries",
        "auditdesk.services.appraisals.flow",
        "auditdesk.services.appraisals.objections",
        "auditdesk.services.appraisals.feedback",
        "auditdesk.services.appraisals.detail",
    ):
        assert unused not in loaded, unused
    assert postgresql == "-" and openpyxl == "-"  # PostgreSQL's dialect on a SQLite laptop
    assert queries == "queries" and flow == "flow"  # and a name, once used, loads its module


@pytest.mark.parametrize("name", PACKAGES)
def test_the_packages_modules_import_each_other_never_the_package(name: str) -> None:
    # docs/architecture.md: a module takes a name from the module it lives in (a submodule
    # taken from the package, `from auditdesk.services.audits import counts`, is a module)
    package = importlib.import_module(name)
    assert package.__file__ is not None
    folder = Path(package.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")}
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == name:
                found += [f"{path.name}: {a.name}" for a in node.names if a.name not in modules]
    assert found == []
