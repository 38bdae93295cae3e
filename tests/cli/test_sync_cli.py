"""`auditdesk sync --office URL`: a fresh laptop file exchanges with the office store, signed
in at the office; `sync conflicts` and `sync resolve` list and resolve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.cli import main
from auditdesk.services.plan import mark_visit, my_visits, start_planned_visit
from auditdesk.store.migrate import open_database
from auditdesk.store.models import PlannedVisit
from demo_office import DemoTemplates, copy_database
from sync_helpers import actor_of, plan_phone_visits


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


def test_sync_prints_the_planned_visits_and_what_could_not_be_linked(
    tmp_path: Path,
    copy_demo: Callable[[Path], Path],
    demo_template: DemoTemplates,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The visits copied from the office, then an audit started from a visit the office
    cancelled meanwhile: printed with its record number, the visit and why."""
    office_path = copy_demo(tmp_path / "office.sqlite")
    laptop_path = copy_database(demo_template.empty(), tmp_path / "laptop.sqlite")
    office = open_database(str(office_path))
    hr, _pid = plan_phone_visits(office)
    monkeypatch.setenv("AUDITDESK_PASSWORD", "audytor1-demo")
    args = ["--db", str(laptop_path), "--user", "audytor1", "sync", "--office", str(office_path)]
    assert main(args) == 0
    laptop = open_database(str(laptop_path))
    try:
        mine = my_visits(actor_of(laptop, "audytor1"))
        assert f"planned visits from the office: {len(mine)} new" in capsys.readouterr().out
        first = mine[0]
        start_planned_visit(actor_of(laptop, "audytor1"), first.id)
        with office.session() as s:
            visit = s.scalar(
                select(PlannedVisit).where(
                    PlannedVisit.channel == first.channel,
                    PlannedVisit.planned_at == first.planned_at,
                )
            )
            assert visit is not None
            visit_id = visit.id
        mark_visit(hr, visit_id, "cancelled", "remont urzędu", replace=False)
    finally:
        laptop.dispose()
        office.dispose()
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "not linked: " in printed and f"planned visit #{visit_id} is cancelled" in printed
