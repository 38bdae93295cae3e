"""Opening a current database needs no alembic (issue 14): the heads recorded in
store.schema_heads are alembic's, a database holding them opens without importing alembic, and
anything else (scripts changed since the heads were recorded, an older database) still goes
through alembic."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from auditdesk.store import migrate
from auditdesk.store.db import Database
from auditdesk.store.migrate import alembic_config, schema_state
from auditdesk.store.schema_heads import HEADS, SCRIPT_FILES

# the SQLite file opened in a fresh process by its path
pytestmark = pytest.mark.sqlite_only


def test_recorded_heads_are_alembic_s(db_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config(Database(f"sqlite:///{db_path}")))
    heads = frozenset(script.get_heads())
    names = frozenset(
        p.name
        for p in (files("auditdesk.store") / "migrations" / "versions").iterdir()
        if p.name.endswith(".py") and p.name != "__init__.py"
    )
    hint = (
        "a migration was added: write these in src/auditdesk/store/schema_heads.py: "
        f"HEADS = {sorted(heads)}, SCRIPT_FILES = {sorted(names)}"
    )
    assert heads == HEADS, hint
    assert names == SCRIPT_FILES, hint


def test_a_current_database_opens_without_alembic(db: Database, db_path: Path) -> None:
    db.dispose()
    code = (
        "import sys\n"
        "from auditdesk.store.migrate import open_database, schema_state\n"
        f"db = open_database({str(db_path)!r})\n"
        "assert schema_state(db).up_to_date\n"
        "db.dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def _count_alembic_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = ScriptDirectory.from_config

    def counting(*args: object, **kwargs: object) -> ScriptDirectory:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ScriptDirectory, "from_config", counting)
    return calls


def test_alembic_decides_when_the_scripts_changed(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_alembic_reads(monkeypatch)
    assert schema_state(db).up_to_date
    assert calls == []  # recorded heads: no alembic
    monkeypatch.setattr(migrate, "SCRIPT_FILES", SCRIPT_FILES | {"0010_new_area.py"})
    assert schema_state(db).up_to_date
    assert calls == [1]


def test_a_database_at_other_revisions_is_judged_by_alembic(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version WHERE version_num = '0006_surveys'")
    calls = _count_alembic_reads(monkeypatch)
    state = schema_state(db)
    assert not state.up_to_date and calls == [1]
    assert state.heads == HEADS and state.current == HEADS - {"0006_surveys"}
    # an older database is migrated: tests/store/test_migrations.py
