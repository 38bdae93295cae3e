"""Audit import applies the editor's rules (one write path) and orders states of one record.

Issue 11: a completed audit with a required item unanswered or N/A where the item does not allow
it was imported as is; a draft imported, completed on the laptop and imported again came back
"skipped (already here)" and the office kept the draft.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from auditdesk.cli import main
from auditdesk.services import audits as svc
from auditdesk.services.audits import transfer
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, AuditLogEntry, OrgUnit, Role, User

ANSWERS = {
    "przedstawienie": "yes",
    "uprzejmosc": "yes",
    "pozegnanie": "yes",
    "czas_odebrania": "25",
    "przekierowania": "1",
    "przerwane": "yes",
    "jezyk": "partly",
    "dyskrecja": "yes",
    "dokumenty": "yes",
    "oplaty": "yes",
    "termin": "no",
    "kontakt_zwrotny": "yes",
    "poprawnosc": "yes",
    "wrazenie": "4",
    "scenariusz_zrealizowany": "yes",
}
HR = Actor(None, "kadry", Role.HR)


class Laptop:
    """An auditor's database with one phone audit of audytor2, exported on demand."""

    def __init__(self, path: Path) -> None:
        self.db = open_database(str(path))
        with self.db.session() as s:
            user = s.scalar(select(User).where(User.login == "audytor2"))
            assert user is not None
            self.ctx = AppContext(self.db, Actor.of(user))
            unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
        forms = svc.checklist_forms(self.ctx)
        form = next(f.version_id for f in forms if f.form_id == "tk-telefon")
        self.audit_id = svc.start_audit(
            self.ctx,
            svc.NewAudit(
                form,
                "phone",
                unit,  # type: ignore[arg-type]
                datetime(2035, 2, 3, 11, 0),
                scenario={"sprawa": "Zameldowanie"},
            ),
        )
        with self.db.session() as s:
            self.uid = s.get(Audit, self.audit_id).uid  # type: ignore[union-attr]

    def answer(self, answers: dict[str, str]) -> None:
        for item, value in answers.items():
            svc.save_answer(self.ctx, self.audit_id, item, value)

    def export(self, out: Path) -> Path:
        """The JSON export, holding this audit alone (the demo's own stay out of the way)."""
        transfer.export_audits(AppContext(self.db, HR), out, "json")
        doc = json.loads(out.read_text(encoding="utf-8"))
        doc["audits"] = [a for a in doc["audits"] if a["uid"] == self.uid]
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return out


@pytest.fixture
def laptop(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Iterator[Laptop]:
    lap = Laptop(copy_demo(tmp_path / "laptop.sqlite"))
    yield lap
    lap.db.dispose()


@pytest.fixture
def office(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Iterator[Database]:
    db = open_database(str(copy_demo(tmp_path / "office.sqlite")))
    yield db
    db.dispose()


def _import(office: Database, path: Path) -> transfer.ImportReport:
    return transfer.import_audits(AppContext(office, HR), path)


def _edited(path: Path, change: Callable[[dict[str, Any]], None], out: Path) -> Path:
    """The export with its one audit changed by `change` and its hash made consistent again
    (what another program, or a hand with a text editor and sha256sum, can do)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    audit = doc["audits"][0]
    change(audit)
    audit["content_sha256"] = transfer._audit_digest(audit)
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


def _office_row(office: Database, uid: str) -> Audit | None:
    with office.session() as s:
        row = s.scalar(select(Audit).where(Audit.uid == uid))
        if row is not None:
            s.expunge(row)
        return row


# --- one write path: the editor's rules ------------------------------------------------------


def _completed(laptop: Laptop, tmp_path: Path) -> Path:
    laptop.answer(ANSWERS)
    svc.complete_audit(laptop.ctx, laptop.audit_id)
    return laptop.export(tmp_path / "done.json")


def _without_score(audit: dict[str, Any]) -> None:
    audit["score_percent"] = None  # so that the refusal below is about the rule, not the score


def test_completed_with_required_item_unanswered_is_refused(
    laptop: Laptop, office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(audit: dict[str, Any]) -> None:
        _without_score(audit)
        audit["answers"] = [a for a in audit["answers"] if a["item_id"] != "przedstawienie"]

    bad = _edited(_completed(laptop, tmp_path), drop, tmp_path / "bad.json")
    capsys.readouterr()
    assert main(["--db", str(office.path), "audits", "import", str(bad)]) == 1
    text = capsys.readouterr().out
    refused = next(line for line in text.splitlines() if line.startswith("REFUSED"))
    assert laptop.uid in refused and "przedstawienie" in refused and "required" in refused
    assert "bad.json" in text  # the summary names the file
    assert _office_row(office, laptop.uid) is None


def test_na_where_not_allowed_is_refused(laptop: Laptop, office: Database, tmp_path: Path) -> None:
    def na(audit: dict[str, Any]) -> None:
        _without_score(audit)
        for a in audit["answers"]:
            if a["item_id"] == "przedstawienie":
                a["value"], a["na"] = None, True

    report = _import(office, _edited(_completed(laptop, tmp_path), na, tmp_path / "na.json"))
    assert not report.imported and len(report.refused) == 1
    assert "przedstawienie" in report.refused[0] and "does not allow N/A" in report.refused[0]
    assert laptop.uid in report.refused[0]
    assert _office_row(office, laptop.uid) is None


def test_invalid_value_is_refused_even_in_a_draft(
    laptop: Laptop, office: Database, tmp_path: Path
) -> None:
    laptop.answer({"wrazenie": "4"})
    path = laptop.export(tmp_path / "draft.json")

    def wrong(audit: dict[str, Any]) -> None:
        _without_score(audit)
        audit["answers"][0]["value"] = "17"

    report = _import(office, _edited(path, wrong, tmp_path / "wrong.json"))
    assert len(report.refused) == 1 and "wrazenie" in report.refused[0]
    assert "'17'" in report.refused[0]


def test_valid_completed_audit_imports_completed_with_its_time(
    laptop: Laptop, office: Database, tmp_path: Path
) -> None:
    path = _completed(laptop, tmp_path)
    report = _import(office, path)
    assert len(report.imported) == 1 and not report.refused, report.refused
    row = _office_row(office, laptop.uid)
    assert row is not None and row.status == "completed"
    done = json.loads(path.read_text(encoding="utf-8"))["audits"][0]
    assert row.completed_at == datetime.fromisoformat(done["completed_at"])
    assert row.auditor_name and row.origin_record_no == done["record_no"]


# --- a newer state of the same record ---------------------------------------------------------


def test_draft_then_completed_on_the_laptop_replaces_the_office_draft(
    laptop: Laptop, office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop.answer({"przedstawienie": "yes", "uprzejmosc": "partly"})
    first = laptop.export(tmp_path / "draft.json")
    assert len(_import(office, first).imported) == 1
    draft = _office_row(office, laptop.uid)
    assert draft is not None and draft.status == "draft"
    second = _completed(laptop, tmp_path)
    capsys.readouterr()
    assert main(["--db", str(office.path), "audits", "import", str(second)]) == 0
    out = capsys.readouterr().out
    assert "replaced" in out and "skipped" not in out.split("\n")[0], out
    row = _office_row(office, laptop.uid)
    assert row is not None and row.status == "completed" and row.record_no == draft.record_no
    with office.session() as s:
        answers = {a.item_id: a.value for a in s.get(Audit, row.id).answers}  # type: ignore[union-attr]
        entries = s.scalars(
            select(AuditLogEntry).where(
                AuditLogEntry.action == "import", AuditLogEntry.entity_id == str(row.id)
            )
        ).all()
    assert answers == ANSWERS
    assert len(entries) == 2 and json.loads(entries[1].before_json or "{}")["status"] == "draft"
    # and the same file once more is identical: skipped
    assert main(["--db", str(office.path), "audits", "import", str(second)]) == 0
    assert "1 skipped" in capsys.readouterr().out


def test_draft_with_more_answers_replaces_the_older_draft(
    laptop: Laptop, office: Database, tmp_path: Path
) -> None:
    laptop.answer({"przedstawienie": "yes"})
    older = laptop.export(tmp_path / "v1.json")
    _import(office, older)
    laptop.answer({"uprzejmosc": "no", "wrazenie": "2"})
    newer = laptop.export(tmp_path / "v2.json")
    report = _import(office, newer)
    assert len(report.replaced) == 1 and not report.skipped, report
    row = _office_row(office, laptop.uid)
    assert row is not None and row.status == "draft"
    with office.session() as s:
        assert {a.item_id for a in s.get(Audit, row.id).answers} == {  # type: ignore[union-attr]
            "przedstawienie",
            "uprzejmosc",
            "wrazenie",
        }
    # the older file afterwards: the copy here is kept, and the report says so
    report = _import(office, older)
    assert len(report.kept) == 1 and "version" in report.kept[0] and not report.replaced


def test_office_copy_changed_since_import_is_a_conflict(
    laptop: Laptop, office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop.answer({"przedstawienie": "yes"})
    _import(office, laptop.export(tmp_path / "v1.json"))
    row = _office_row(office, laptop.uid)
    assert row is not None
    with office.session() as s:  # the auditor goes on with the draft in the office
        user = s.scalar(select(User).where(User.login == "audytor2"))
        assert user is not None
        here = AppContext(office, Actor.of(user))
    svc.save_answer(here, row.id, "pozegnanie", "no")
    done = _completed(laptop, tmp_path)  # … and on the laptop
    capsys.readouterr()
    assert main(["--db", str(office.path), "audits", "import", str(done)]) == 1
    out = capsys.readouterr().out
    assert "CONFLICT" in out and "changed here" in out and "1 in conflict" in out
    after = _office_row(office, laptop.uid)
    assert after is not None and after.status == "draft" and after.version == row.version + 1


def test_locked_office_copy_is_never_overwritten(
    laptop: Laptop, office: Database, tmp_path: Path
) -> None:
    done = _completed(laptop, tmp_path)
    _import(office, done)

    def amended(audit: dict[str, Any]) -> None:
        audit["version"] += 5
        audit["observed_note"] = "stanowisko 3"

    report = _import(office, _edited(done, amended, tmp_path / "later.json"))
    assert len(report.conflicts) == 1 and "locked" in report.conflicts[0]
    row = _office_row(office, laptop.uid)
    assert row is not None and row.observed_note == ""


def test_old_file_without_version_still_imports(
    laptop: Laptop, office: Database, tmp_path: Path
) -> None:
    done = _completed(laptop, tmp_path)
    doc = json.loads(done.read_text(encoding="utf-8"))
    assert isinstance(doc["audits"][0]["version"], int)  # the export carries the counter
    legacy = copy.deepcopy(doc)
    del legacy["audits"][0]["version"]
    legacy["audits"][0]["content_sha256"] = transfer._audit_digest(legacy["audits"][0])
    path = tmp_path / "legacy.json"
    path.write_text(json.dumps(legacy), encoding="utf-8")
    report = _import(office, path)
    assert len(report.imported) == 1 and not report.refused, report.refused
    assert len(_import(office, path).skipped) == 1
