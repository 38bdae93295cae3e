"""`auditdesk sync --office URL`: a fresh laptop file exchanges with the office store, signed
in at the office; `sync conflicts` and `sync resolve` list and resolve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditdesk.cli import main
from demo_office import DemoTemplates, copy_database


def test_sync_from_the_command_line(
    tmp_path: Path,
    copy_demo: Callable[[Path], Path],
    demo_template: DemoTemplates,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    office = copy_demo(tmp_path / "office.sqlite")
    laptop = copy_database(demo_template.empty(), tmp_path / "laptop.sqlite")
    monkeypatch.setenv("AUDITDESK_PASSWORD", "audytor1-demo")
    args = ["--db", str(laptop), "--user", "audytor1", "sync", "--office", str(office)]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert "synchronised with" in first and "0 conflict(s)" in first
    assert main(args) == 0
    assert "0 received" in capsys.readouterr().out
    # signed in offline on the laptop with the account that travelled
    assert main(["--db", str(laptop), "--user", "audytor1", "sync", "conflicts"]) == 0
    assert "no conflicts" in capsys.readouterr().out


def test_sync_without_an_office_or_with_a_wrong_password_says_so(
    tmp_path: Path,
    copy_demo: Callable[[Path], Path],
    demo_template: DemoTemplates,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    office = copy_demo(tmp_path / "office.sqlite")
    laptop = copy_database(demo_template.empty(), tmp_path / "laptop.sqlite")
    assert main(["--db", str(laptop), "sync"]) != 0
    assert "--office" in capsys.readouterr().err
    monkeypatch.setenv("AUDITDESK_PASSWORD", "wrong-password")
    args = ["--db", str(laptop), "--user", "audytor1", "sync", "--office", str(office)]
    assert main(args) != 0
    capsys.readouterr()
