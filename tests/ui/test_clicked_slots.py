"""Every ``clicked``/``triggered`` connected straight to a method must accept ``checked``.

Qt passes ``checked`` (a bool) to a slot connected to ``clicked`` or ``triggered`` when the slot
takes a positional parameter; a method with an optional parameter (``export(self, target=None)``)
then gets ``False`` as its argument (issue 15: the audit panel's Export button crashed with
``'bool' object has no attribute 'suffix'``). This walks ui/ and checks every such connection.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import auditdesk.ui

UI_ROOT = Path(auditdesk.ui.__file__).parent
SIGNALS = {"clicked", "triggered"}


def _connections() -> list[tuple[str, str, str, int]]:
    """(module, class, method, line) for every ``x.clicked.connect(self.method)`` in ui/."""
    found: list[tuple[str, str, str, int]] = []
    for path in sorted(UI_ROOT.rglob("*.py")):
        module = "auditdesk." + ".".join(path.relative_to(UI_ROOT.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                func = call.func
                if not (
                    isinstance(func, ast.Attribute)
                    and func.attr == "connect"
                    and isinstance(func.value, ast.Attribute)
                    and func.value.attr in SIGNALS
                    and len(call.args) == 1
                ):
                    continue
                slot = call.args[0]
                if (
                    isinstance(slot, ast.Attribute)
                    and isinstance(slot.value, ast.Name)
                    and slot.value.id == "self"
                ):
                    found.append((module, cls.name, slot.attr, call.lineno))
    return found


def _takes_optional_parameter(method: object) -> bool:
    try:
        signature = inspect.signature(method)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a Qt built-in slot: takes what Qt gives it
        return False
    return any(
        p.default is not inspect.Parameter.empty
        and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        for p in signature.parameters.values()
    )


def test_the_walk_finds_the_connections() -> None:
    names = {(m.rsplit(".", 1)[-1], c, s) for m, c, s, _ in _connections()}
    assert ("panel", "AuditsPanel", "new_audit") in names
    assert len(names) > 40


def test_no_clicked_or_triggered_slot_takes_an_optional_positional_parameter() -> None:
    bad: list[str] = []
    for module_name, class_name, slot, line in _connections():
        cls = getattr(importlib.import_module(module_name), class_name)
        method = getattr(cls, slot, None)
        if method is None:  # an attribute set in __init__ (a widget's own slot)
            continue
        if _takes_optional_parameter(method):
            bad.append(f"{module_name}:{line} {class_name}.{slot}{inspect.signature(method)}")
    assert not bad, "connect through a lambda or a wrapper without parameters:\n" + "\n".join(bad)
