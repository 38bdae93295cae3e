"""`auditdesk retention rules|run` and `auditdesk person export|reads|request|employment-end`
on the demo office (issue 19); the dates pinned with time-machine."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import func, select

from auditdesk.cli import main
from auditdesk.cli.privacy import END_ACTIONS, RECORD_TYPES, REQUEST_KINDS
from auditdesk.domain.retention import EndAction, RecordType, RequestKind
from auditdesk.services.admin.users import demo_password
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, AuditLogEntry, User
from demo_office import moment
from protocol_helpers import pdftotext

DAY = date(2026, 12, 4)
pytestmark = pytest.mark.parametrize("today", [DAY], ids=str)


@pytest.fixture
def demo_db(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    return copy_demo(tmp_path / "demo.sqlite")


def sign_in(monkeypatch: pytest.MonkeyPatch, db: Path, login: str) -> list[str]:
    monkeypatch.setenv("AUDITDESK_PASSWORD", demo_password(login))
    return ["--lang", "en", "--db", str(db), "--user", login]


def _count(db: Path, stmt: object) -> int:
    database = open_database(str(db))
    try:
        with database.session() as s:
            return int(s.scalar(stmt) or 0)  # type: ignore[call-overload]
    finally:
        database.dispose()


def test_the_choices_equal_the_domains(today: date) -> None:
    assert tuple(t.value for t in RecordType) == RECORD_TYPES
    assert tuple(a.value for a in EndAction) == END_ACTIONS
    assert tuple(k.value for k in RequestKind) == REQUEST_KINDS


def test_rules_show_and_set(
    demo_db: Path, today: date, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = sign_in(monkeypatch, demo_db, "admin")
    capsys.readouterr()
    assert main([*admin, "retention", "rules"]) == 0
    shown = capsys.readouterr().out
    assert "audit_evidence" in shown and "default" in shown and "RODO art. 6" in shown
    assert (
        main(
            [
                *admin,
                "retention",
                "rules",
                "set",
                "audit_evidence",
                "--months",
                "6",
                "--action",
                "delete",
            ]
        )
        == 0
    )
    assert "audit_evidence: kept 6 months, then delete" in capsys.readouterr().out
    assert main([*admin, "retention", "rules", "show"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("audit_evidence"))
    assert " 6 " in line and "admin" in line
    # refused with a line naming what is allowed, nothing changed
    assert (
        main(
            [
                *admin,
                "retention",
                "rules",
                "set",
                "audit_official",
                "--months",
                "6",
                "--action",
                "delete",
            ]
        )
        == 1
    )
    assert "use one of anonymise" in capsys.readouterr().err
    hr = sign_in(monkeypatch, demo_db, "kadry")
    assert (
        main([*hr, "retention", "rules", "set", "complaint", "--months", "6", "--action", "delete"])
        == 1
    )
    assert "kadry (hr) may not change the retention" in capsys.readouterr().err


def test_dry_run_then_run(
    demo_db: Path, today: date, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = sign_in(monkeypatch, demo_db, "admin")
    capsys.readouterr()
    assert main([*admin, "retention", "run", "--dry-run"]) == 0
    assert f"Nothing is due for retention on {DAY.isoformat()}." in capsys.readouterr().out
    named = select(func.count()).select_from(Audit).where(Audit.employee_id.is_not(None))
    before = _count(demo_db, named)
    with time_machine.travel(moment(date(2029, 12, 4)), tick=False):
        assert main([*admin, "retention", "run", "--dry-run"]) == 0
        listed = capsys.readouterr().out
        assert "audit_official" in listed and "anonymise" in listed
        assert "nothing was changed (dry run)" in listed
        assert _count(demo_db, named) == before
        entries = _count(demo_db, select(func.count()).select_from(AuditLogEntry))
        assert main([*admin, "retention", "run"]) == 0
        done = capsys.readouterr().out
        assert "record(s) deleted or anonymised, 0 left" in done  # an open dispute is not due
        assert _count(demo_db, select(func.count()).select_from(AuditLogEntry)) > entries
        assert main([*admin, "check"]) == 0
        capsys.readouterr()
        assert main([*admin, "retention", "run", "--dry-run"]) == 0
        assert "Nothing is due" in capsys.readouterr().out
    hr = sign_in(monkeypatch, demo_db, "kadry")
    assert main([*hr, "retention", "run", "--dry-run"]) == 1
    assert (
        "kadry (hr) may not change the retention of personal data or run it"
        in capsys.readouterr().err
    )


def test_person_export_reads_and_requests(
    demo_db: Path,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hr = sign_in(monkeypatch, demo_db, "kadry")
    capsys.readouterr()
    pdf, js = tmp_path / "osoba.pdf", tmp_path / "osoba.json"
    assert (
        main([*hr, "person", "export", "kierownik.bok", "--pdf", str(pdf), "--json", str(js)]) == 0
    )
    said = capsys.readouterr().out
    assert str(pdf) in said and str(js) in said
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["appraisals"] or data["audits"] or data["feedback_notes"]
    assert f"Personal data held about {data['name']}" in pdftotext(pdf)  # --lang en
    # Polish when asked
    assert (
        main(
            [
                "--lang",
                "pl",
                "--db",
                str(demo_db),
                "--user",
                "kadry",
                "person",
                "export",
                str(data["employee_id"]),
                "--pdf",
                str(pdf),
            ]
        )
        == 0
    )
    assert "Dane osobowe dotyczące" in pdftotext(pdf)
    capsys.readouterr()

    assert main([*hr, "person", "reads", "kierownik.bok"]) == 0
    assert "Nobody has read this person's appraisals." in capsys.readouterr().out

    assert (
        main(
            [
                *hr,
                "person",
                "request",
                "kierownik.bok",
                "restriction",
                "--note",
                "contests an audit",
            ]
        )
        == 0
    )
    assert "Recorded the restriction request" in capsys.readouterr().out
    assert main([*hr, "person", "request", "kierownik.bok", "rectification"]) == 1
    assert "needs a note" in capsys.readouterr().err
    assert main([*hr, "person", "employment-end", "kierownik.bok", "2026-11-30"]) == 0
    assert "employment ended on 2026-11-30" in capsys.readouterr().out
    assert main([*hr, "person", "employment-end", "kierownik.bok", "2027-11-30"]) == 1
    assert "is in the future" in capsys.readouterr().err
    assert main([*hr, "person", "export", "kierownik.bok"]) == 1
    assert "give --pdf FILE, --json FILE or both" in capsys.readouterr().err
    assert main([*hr, "person", "reads", "Nikt-Taki"]) == 1
    assert "0 employees match Nikt-Taki" in capsys.readouterr().err

    auditor = sign_in(monkeypatch, demo_db, "audytor1")
    assert main([*auditor, "person", "reads", "kierownik.bok"]) == 1
    assert "audytor1 (auditor) may not" in capsys.readouterr().err


def test_person_reads_lists_who_read(
    demo_db: Path,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from auditdesk.services.appraisals import appraisal_detail
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.store.models import Appraisal

    database = open_database(str(demo_db))
    try:
        with database.session() as s:
            user = s.scalar(select(User).where(User.login == "kadry"))
            assert user is not None
            actor = Actor.of(user)
            appraisal = s.scalar(select(Appraisal).limit(1))
            assert appraisal is not None
            aid, eid, number = appraisal.id, appraisal.employee_id, appraisal.record_number
        appraisal_detail(AppContext(database, actor), aid)
    finally:
        database.dispose()
    hr = sign_in(monkeypatch, demo_db, "kadry")
    capsys.readouterr()
    assert main([*hr, "person", "reads", str(eid)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["when", "who", "appraisal"]
    assert lines[1].startswith(DAY.isoformat()) and "kadry" in lines[1]
    assert lines[1].rstrip().endswith(number)
