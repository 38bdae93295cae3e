"""The foundation's command line: demo, forms check, backup, check, errors without tracebacks."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from auditdesk import __version__
from auditdesk.cli import main


def run(*args: str) -> int:
    return main(list(args))


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run("--version")
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_twice_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.sqlite"
    assert run("--db", str(db), "demo") == 0
    first = capsys.readouterr().out
    assert "admin" in first and "auditor" in first
    counts = {t: _count(db, t) for t in ("office", "org_unit", "employee", "app_user")}
    assert counts["org_unit"] >= 5 and counts["employee"] >= 40
    roles = {r for (r,) in sqlite3.connect(db).execute("SELECT role FROM app_user")}
    assert roles == {"auditor", "supervisor", "hr", "admin"}
    names = " ".join(n for (n,) in sqlite3.connect(db).execute("SELECT last_name FROM employee"))
    assert set("ąćęłńóśźż") & set(names.lower())

    assert run("--db", str(db), "demo") == 0
    assert "already exists" in capsys.readouterr().out
    assert {t: _count(db, t) for t in counts} == counts

    assert run("--db", str(db), "check") == 0
    assert "OK: no problems found" in capsys.readouterr().out


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("AUDITDESK_DB", str(db))
    assert run("demo") == 0
    assert _count(db, "office") == 1


def test_forms_check_shipped_forms_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("forms", "check") == 0
    out = capsys.readouterr().out
    assert "satysfakcja-klienta" in out and "0 with errors" in out


def test_forms_check_lists_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text("kind: survey\nid: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("kind: [\n", encoding="utf-8")
    assert run("forms", "check", str(tmp_path), str(tmp_path / "missing.yaml")) == 1
    out = capsys.readouterr().out
    assert "a.yaml" in out and "title: required key is missing" in out
    assert "b.yaml" in out and "not valid YAML" in out
    assert "missing.yaml: no such file" in out
    assert "0 valid, 3 with errors" in out


def test_backup_and_check_detects_tampering(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "office.sqlite"
    copy = tmp_path / "copy.sqlite"
    assert run("--db", str(db), "demo") == 0
    assert run("--db", str(db), "backup", "--out", str(copy)) == 0
    assert _count(copy, "employee") == _count(db, "employee")
    con = sqlite3.connect(copy)
    con.execute("UPDATE form_version SET definition_json = replace(definition_json, 'a', 'b')")
    con.commit()
    con.close()
    capsys.readouterr()
    assert run("--db", str(copy), "check") == 1
    assert "does not match its hash" in capsys.readouterr().out


def test_damaged_database_in_a_subprocess(tmp_path: Path) -> None:
    """As a user would run it: one clear line on stderr, exit 1, no traceback, file unchanged."""
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = subprocess.run(
        [sys.executable, "-m", "auditdesk", "--db", str(path), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"auditdesk: {path}")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_new_form_versions_are_recorded_in_the_trail(tmp_path: Path) -> None:
    db = tmp_path / "trail.sqlite"
    assert run("--db", str(db), "demo") == 0
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM form_version").fetchone()[0]
    logged = con.execute(
        "SELECT count(*) FROM audit_log WHERE entity = 'form_version' AND action = 'create'"
    ).fetchone()[0]
    con.close()
    assert stored > 0 and logged == stored
    assert run("--db", str(db), "demo") == 0  # the same forms again: nothing new to record
    con = sqlite3.connect(db)
    again = con.execute("SELECT count(*) FROM audit_log WHERE entity = 'form_version'").fetchone()
    con.close()
    assert again[0] == logged
