"""`auditdesk audits export/import`: formats, idempotent import with evidence, refusals."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from auditdesk.cli import main
from auditdesk.reports.audit_export import ANSWER_HEADER, AUDIT_HEADER, human
from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, OrgUnit, User

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


def laptop(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> tuple[Path, int]:
    """A database like an auditor's laptop: the demo office and one completed phone audit."""
    path = copy_demo(tmp_path / "laptop.sqlite")
    db = open_database(str(path))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor2"))
        assert user is not None
        ctx = AppContext(db, Actor.of(user))
        unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
    form = next(f.version_id for f in svc.checklist_forms(ctx) if f.form_id == "tk-telefon")
    audit_id = svc.start_audit(
        ctx,
        svc.NewAudit(
            form,
            "phone",
            unit,  # type: ignore[arg-type]
            datetime(2035, 2, 3, 11, 0),
            scenario={"sprawa": "Zameldowanie"},
        ),
    )
    for item, value in ANSWERS.items():
        svc.save_answer(ctx, audit_id, item, value, comment="ok" if item == "termin" else None)
    proof = tmp_path / "nagranie.m4a"
    proof.write_bytes(b"\x00\x01nagranie" * 100)
    svc.add_evidence(ctx, audit_id, proof, item_id="uprzejmosc")
    svc.complete_audit(ctx, audit_id)
    db.dispose()
    return path, audit_id


def count_audits(path: Path, year: int = 2035) -> int:
    db = open_database(str(path))
    with db.session() as s:
        n = s.scalar(select(func.count()).select_from(Audit).where(Audit.year == year)) or 0
    db.dispose()
    return n


def test_export_json_import_idempotent_with_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], copy_demo: Callable[[Path], Path]
) -> None:
    src, _ = laptop(tmp_path, copy_demo)
    exported = tmp_path / "audyty.json"
    assert (
        main(["--db", str(src), "audits", "export", "--format", "json", "--out", str(exported)])
        == 0
    )
    doc = json.loads(exported.read_text(encoding="utf-8"))
    audit = next(a for a in doc["audits"] if a["record_no"].startswith("TK/2035/"))
    assert audit["evidence"][0]["data_base64"] and len(audit["form_version_hash"]) == 64
    office = tmp_path / "office.sqlite"
    main(["--db", str(office), "demo"])
    before = count_audits(office, 2035)
    capsys.readouterr()
    assert main(["--db", str(office), "audits", "import", str(exported)]) == 0
    first = capsys.readouterr().out
    assert "imported" in first and "0 refused" in first
    assert count_audits(office) == before + 1
    assert main(["--db", str(office), "audits", "import", str(exported)]) == 0
    second = capsys.readouterr().out
    assert "0 imported" in second and "skipped" in second
    assert count_audits(office) == before + 1
    db = open_database(str(office))
    with db.session() as s:
        row = s.scalar(select(Audit).where(Audit.uid == audit["uid"]))
        assert row is not None and row.score == pytest.approx(audit["score_percent"])
        assert row.origin_record_no == audit["record_no"]
        ev_id = row.evidence[0].id
    _info, data = svc.evidence_bytes(AppContext(db, Actor.system()), ev_id)
    assert data == b"\x00\x01nagranie" * 100
    db.dispose()


def test_import_refuses_tampered_and_unknown_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], copy_demo: Callable[[Path], Path]
) -> None:
    src, _ = laptop(tmp_path, copy_demo)
    exported = tmp_path / "audyty.json"
    main(["--db", str(src), "audits", "export", "--format", "json", "--out", str(exported)])
    doc = json.loads(exported.read_text(encoding="utf-8"))
    ours = [a for a in doc["audits"] if a["record_no"].startswith("TK/2035/")]
    tampered = dict(ours[0], uid="00000000-0000-0000-0000-000000000001")
    tampered["answers"] = [
        dict(a, value="yes") if a["item_id"] == "termin" else a for a in tampered["answers"]
    ]
    unknown = dict(ours[0], uid="00000000-0000-0000-0000-000000000002", form_version_hash="f" * 64)
    from auditdesk.services.audits.transfer import _audit_digest

    unknown["content_sha256"] = _audit_digest(unknown)
    doc["audits"] = [tampered, unknown]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    office = tmp_path / "office.sqlite"
    main(["--db", str(office), "demo"])
    before = count_audits(office)
    capsys.readouterr()
    assert main(["--db", str(office), "audits", "import", str(bad)]) == 1
    text = capsys.readouterr().out
    assert "does not match its SHA-256" in text and "is unknown here" in text
    assert "0 imported, 0 skipped, 2 refused" in text
    assert count_audits(office) == before


def test_bad_json_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = tmp_path / "office.sqlite"
    main(["--db", str(office), "demo"])
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "auditdesk-audits", "audits": [', encoding="utf-8")
    before = count_audits(office, 2026) + count_audits(office, 2025)
    capsys.readouterr()
    assert main(["--db", str(office), "audits", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "nothing was imported" in err and err[-1] == "\n"
    assert err.count("\n") == 1
    assert count_audits(office, 2026) + count_audits(office, 2025) == before


def test_export_csv_and_xlsx(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> None:
    src, _audit_id = laptop(tmp_path, copy_demo)
    out_csv, out_xlsx = tmp_path / "a.csv", tmp_path / "a.xlsx"
    assert (
        main(["--db", str(src), "audits", "export", "--format", "csv", "--out", str(out_csv)]) == 0
    )
    assert (
        main(["--db", str(src), "audits", "export", "--format", "xlsx", "--out", str(out_xlsx)])
        == 0
    )
    # docs/exports.md: the Polish dialect, human column names in the header, decimal comma;
    # the XLSX has human names in row 1, machine names in row 2, data from row 3
    by_human = {human(n, "pl"): n for n in [*AUDIT_HEADER, "section_score_percent", *ANSWER_HEADER]}
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        names = [by_human[h] for h in next(reader)]
        rows = [dict(zip(names, r, strict=True)) for r in reader]
    mine = [r for r in rows if r["record_no"].startswith("TK/2035/")]
    termin = next(r for r in mine if r["item_id"] == "termin")
    assert termin["value"] == "no" and termin["comment"] == "ok" and termin["points"] == "0,0"
    assert len(termin["form_version_hash"]) == 64 and termin["verdict_label"]
    jezyk = next(r for r in mine if r["item_id"] == "jezyk")
    assert jezyk["answer_label"] == "Częściowo" and jezyk["section_score_percent"]
    wb = load_workbook(out_xlsx, read_only=True)
    sheet = wb["Audyty"]
    first, machine = list(sheet.iter_rows(max_row=2, values_only=True))
    assert first[0] == "Numer protokołu"
    assert "form_version_hash" in machine and "section:sposob_obslugi" in machine
    answers = list(wb["Odpowiedzi"].iter_rows(values_only=True))
    assert any(r[2] == "termin" and r[4] == "no" for r in answers)
    con = sqlite3.connect(src)
    n = con.execute("SELECT count(*) FROM audit").fetchone()[0]
    con.close()
    assert sheet.max_row == n + 2
