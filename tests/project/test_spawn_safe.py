"""Worker processes start with `spawn` everywhere (issue 20): Windows has no fork, and a frozen
build starts its own executable as the worker (packaging/auditdesk_entry.py calls
freeze_support() first). Every place in src/ that starts a process is found by its call and must
name the spawn context; the bulk protocol export's pool is run under spawn here on Linux
(tests/services/protocols/test_export_workers.py draws and signs a batch in it).

One exception (issue 14): the export forks its drawing workers where `can_fork()` says it is
safe — Linux (a frozen build forks like any process there), one thread, no Qt — in one place
(`reports.batch.early_pool`), named here by file and function; everywhere else it spawns."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from auditdesk.reports import batch
from auditdesk.services.protocols import export

SRC = Path(__file__).resolve().parents[2] / "src" / "auditdesk"
STARTERS = {"ProcessPoolExecutor", "Pool", "Process", "fork", "forkpty", "set_start_method"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_spawn_context(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and _name(node.func) == "get_context"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "spawn"
    )


# (file, function) of the one start that forks, guarded by reports.batch.can_fork(): the
# export's drawing workers (issue 14)
FORKS = {("reports/batch.py", "early_pool")}


def process_starts() -> list[tuple[str, int, str, bool]]:
    """(file, line, call, whether it names the spawn context) for every process start but the
    guarded fork (FORKS)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        where = str(path.relative_to(SRC))
        allowed: set[ast.AST] = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef) and (where, fn.name) in FORKS:
                allowed.update(ast.walk(fn))
        for node in ast.walk(tree):
            if node in allowed:
                continue
            if isinstance(node, ast.Call) and _name(node.func) in STARTERS:
                on_spawn = any(
                    kw.arg in ("mp_context", "context") and _is_spawn_context(kw.value)
                    for kw in node.keywords
                ) or (isinstance(node.func, ast.Attribute) and _is_spawn_context(node.func.value))
                found.append((where, node.lineno, _name(node.func), on_spawn))
    return found


def test_every_process_pool_names_the_spawn_context() -> None:
    starts = process_starts()
    assert any(where.endswith("protocols/export.py") for where, *_ in starts)  # it finds them
    not_spawn = [f"{w}:{line} {call}" for w, line, call, spawn in starts if not spawn]
    assert not_spawn == [], "start worker processes with multiprocessing.get_context('spawn')"


def test_the_forks_are_where_the_export_may_fork_only() -> None:
    for where, name in FORKS:
        fn = next(
            n
            for n in ast.walk(ast.parse((SRC / where).read_text("utf-8")))
            if isinstance(n, ast.FunctionDef) and n.name == name
        )
        assert "get_context('fork')" in ast.unparse(fn), where
    for platform in ("win32", "darwin"):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(sys, "platform", platform)
            assert not export.can_fork()
            assert batch.early_pool(4) is None


def test_the_finder_sees_a_fork_default() -> None:
    code = "import multiprocessing\nmultiprocessing.Pool(2)\n"
    call = next(n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call))
    assert _name(call.func) in STARTERS
    assert not any(_is_spawn_context(kw.value) for kw in call.keywords)


# set in the parent before the pool starts: a forked worker would inherit it, a spawned one
# imports this module afresh and sees it empty
_PARENT_STATE: list[str] = []


def _inherited() -> int:
    return len(_PARENT_STATE)


def test_the_export_pool_runs_under_spawn() -> None:
    _PARENT_STATE.append("set in the parent")
    pool = export._pool(1)
    try:
        assert pool._mp_context.get_start_method() == "spawn"
        assert pool.submit(_inherited).result(timeout=120) == 0
        assert pool.submit(export.ready).result(timeout=120) is True
    finally:
        pool.shutdown(wait=True)
        _PARENT_STATE.clear()
