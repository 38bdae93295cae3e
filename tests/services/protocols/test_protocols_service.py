"""Protocol services against a real database with real audits and appraisals: export, sign,
lock, stored bytes, drawn signatures, verification against the database, bulk export."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from auditdesk.domain.errors import AuditDeskError, PermissionDenied
from auditdesk.reports.batch import Pkcs12Source, SignOptions
from auditdesk.reports.specimen import specimen_signature
from auditdesk.reports.verify import verify_pdf
from auditdesk.services import audits, protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.protocols.export import ExportFilter, export_all, find_records
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, Protocol
from demo_office import DemoTemplates
from protocol_helpers import SignerCert, as_user, completed_audit, need, pdftotext


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    """One demo office for the module (a copy of the session's); tests use their own units
    or records so that they do not depend on each other."""
    path = demo_template.copy_to(tmp_path_factory.mktemp("db") / "protocols.sqlite")
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    yield ctx
    db.dispose()


def options(cert: SignerCert) -> SignOptions:
    return SignOptions(Pkcs12Source(cert.p12, cert.password), "Zatwierdzenie", "Łódź")


def test_unsigned_export_is_deterministic_and_polish(
    office: AppContext, tmp_path: Path, photo: Path
) -> None:
    audit_id = completed_audit(office, fail_item=True, evidence=photo)
    first = protocols.export_protocol(office, "audit", audit_id)
    second = protocols.export_protocol(office, "audit", audit_id)
    assert first.pdf == second.pdf and first.sha256 == second.sha256
    assert not first.signed
    path = tmp_path / "a.pdf"
    path.write_bytes(first.pdf)
    text = pdftotext(path)
    assert first.record_number in text
    assert "Urząd Miejski w Zielonej Łące" in text
    assert "Żółkiewska" in text and "źdźbło" in text  # a text answer, wrapped in its cell
    assert "Stanowisko — Żółkiewka" in text
    assert "zdjęcie.jpg" in text
    images = subprocess.run(
        [need("pdfimages"), "-list", str(path)], capture_output=True, text=True
    ).stdout
    assert len(images.splitlines()) - 2 == 1  # the photo's thumbnail


def test_sign_locks_the_record_and_keeps_the_bytes(
    office: AppContext, cert: SignerCert, tmp_path: Path
) -> None:
    audit_id = completed_audit(office, day=5)
    signed = protocols.sign_with_pkcs12(
        office, "audit", audit_id, cert.p12, cert.password, location="Zielona Łąka"
    )
    assert signed.signed and signed.signer == cert.name
    assert verify_pdf(signed.pdf).intact
    with office.db.session() as s:
        assert protocols.is_locked(s, "audit", audit_id)
        row = s.scalar(select(Protocol).where(Protocol.record_id == audit_id))
        assert row is not None and row.pdf == signed.pdf and row.level == "B-B"
    assert audits.load_audit(office, audit_id).status == "signed"
    # every later export returns exactly the signed bytes
    again = protocols.export_protocol(office, "audit", audit_id)
    assert again.pdf == signed.pdf and again.signed
    # a signed record refuses edits, here and in the audits service
    with pytest.raises(protocols.RecordLocked, match="cannot change"):
        protocols.save_drawn_signature(office, "audit", audit_id, "auditor", specimen_signature())
    with pytest.raises(AuditDeskError):
        audits.save_answer(as_user(office, "audytor1"), audit_id, "powitanie", "no")
    with pytest.raises(protocols.RecordLocked):
        protocols.sign_with_pkcs12(office, "audit", audit_id, cert.p12, cert.password)
    # the file matches the database copy; a copy changed by one byte does not verify
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed.pdf)
    report = protocols.verify_protocol_file(office, path, [cert.pem])
    assert report.exit_code == 0 and report.stored_as == f"audit {signed.record_number}"
    assert report.result.trusted is True


def test_drawn_signature_goes_into_the_pdf(office: AppContext, tmp_path: Path) -> None:
    audit_id = completed_audit(office, day=6)
    before = protocols.export_protocol(office, "audit", audit_id)
    protocols.save_drawn_signature(office, "audit", audit_id, "auditor", specimen_signature(3))
    assert protocols.drawn_signatures(office, "audit", audit_id).keys() == {"auditor"}
    after = protocols.export_protocol(office, "audit", audit_id)
    assert after.pdf != before.pdf
    path = tmp_path / "drawn.pdf"
    path.write_bytes(after.pdf)
    images = subprocess.run(
        [need("pdfimages"), "-list", str(path)], capture_output=True, text=True
    ).stdout
    assert "smask" in images  # the transparent PNG signature with its mask
    with pytest.raises(AuditDeskError, match="role"):
        protocols.save_drawn_signature(office, "audit", audit_id, "employee", specimen_signature())
    protocols.save_drawn_signature(office, "audit", audit_id, "auditor", None)
    assert protocols.export_protocol(office, "audit", audit_id).pdf == before.pdf


def test_appraisal_protocol(office: AppContext, tmp_path: Path) -> None:
    with office.db.session() as s:
        appraisal = s.scalars(
            select(Appraisal).where(Appraisal.status != "draft").order_by(Appraisal.id)
        ).first()
        assert appraisal is not None
        appraisal_id, number = appraisal.id, appraisal.record_number
    exported = protocols.export_protocol(office, "appraisal", appraisal_id)
    path = tmp_path / "oc.pdf"
    path.write_bytes(exported.pdf)
    text = pdftotext(path)
    assert number in text
    assert "Arkusz oceny okresowej" in text and "IPRZ" in text
    assert exported.index is not None and exported.index.employee in text


def _part_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


def test_bulk_export_signs_indexes_and_reuses_stored_bytes(
    office: AppContext, cert: SignerCert, tmp_path: Path
) -> None:
    ids = [completed_audit(office, unit="USC", day=10 + i) for i in range(5)]
    seen: list[tuple[int, int]] = []
    flt = ExportFilter(date(2031, 3, 10), date(2031, 3, 14), unit="USC", kind="audit")
    result = export_all(
        office,
        tmp_path / "out",
        flt,
        sign=options(cert),
        on_progress=lambda d, t, _x: seen.append((d, t)),
        workers=2,
    )
    assert not result.cancelled and not result.problems
    assert result.signed_now == 5 and len(result.files) == 5
    assert seen[-1] == (5, 5)
    for f in result.files:
        assert verify_pdf(f.read_bytes()).intact
    rows = list(csv.reader(io.StringIO(result.index_csv.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Numer", "Rodzaj", "Komórka"] and len(rows) == 6
    numbers = {audits.load_audit(office, i).record_no for i in ids}
    assert {r[0] for r in rows[1:]} == numbers
    assert all(r[7] == cert.name for r in rows[1:])
    sheet = load_workbook(result.index_xlsx).active
    assert sheet.max_row == 6 and sheet["G2"].value == rows[1][6]
    assert not _part_files(tmp_path)
    # a second export (now without signing) returns the stored signed bytes
    again = export_all(office, tmp_path / "again", flt, workers=2)
    assert again.from_store == 5 and again.signed_now == 0
    first = {p.name: p.read_bytes() for p in result.files}
    assert {p.name: p.read_bytes() for p in again.files} == first


def test_bulk_export_zip_and_filters(office: AppContext, tmp_path: Path) -> None:
    for day in (20, 21, 25):
        completed_audit(office, unit="WPN", day=day)
        flt = ExportFilter(date(2031, 3, 20), date(2031, 3, 21), "WPN", "audit")
    assert len(find_records(office, flt)) == 2
    result = export_all(office, tmp_path, flt, make_zip=True)
    assert result.zip_path == tmp_path / "protokoly.zip"
    with zipfile.ZipFile(result.zip_path) as zf:
        names = sorted(zf.namelist())
    assert len([n for n in names if n.endswith(".pdf")]) == 2
    assert "index.csv" in names and "index.xlsx" in names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoly.zip"]
    with pytest.raises(AuditDeskError, match="no such unit"):
        find_records(office, ExportFilter(unit="NOPE"))


def test_cancelled_export_leaves_no_half_written_file(
    office: AppContext, cert: SignerCert, tmp_path: Path
) -> None:
    for day in range(1, 7):
        completed_audit(office, unit="WAB", day=day)
    progress: list[int] = []
    result = export_all(
        office,
        tmp_path,
        ExportFilter(date(2031, 3, 1), date(2031, 3, 6), "WAB", "audit"),
        sign=options(cert),
        make_zip=True,
        on_progress=lambda d, _t, _x: progress.append(d),
        is_cancelled=lambda: len(progress) >= 3,
        workers=2,
    )
    assert result.cancelled
    assert list(tmp_path.iterdir()) == []  # the zip was never completed, so nothing is left
    folder = tmp_path / "files"
    result = export_all(
        office,
        folder,
        ExportFilter(date(2031, 3, 1), date(2031, 3, 6), "WAB", "audit"),
        is_cancelled=lambda: len(progress) >= 8,
        on_progress=lambda d, _t, _x: progress.append(d),
        workers=2,
    )
    assert result.cancelled
    assert not _part_files(folder)
    for f in folder.glob("*.pdf"):
        assert f.read_bytes().rstrip().endswith(b"%%EOF")


def test_only_hr_and_admin_export_in_bulk(office: AppContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        export_all(as_user(office, "audytor1"), tmp_path, ExportFilter())
    assert find_records(as_user(office, "kadry"), ExportFilter(kind="appraisal"))


def test_wrong_password_stops_a_signed_export_before_any_work(
    office: AppContext, cert: SignerCert, tmp_path: Path
) -> None:
    bad = SignOptions(Pkcs12Source(cert.p12, b"wrong"), "r", "l")
    with pytest.raises(AuditDeskError, match="wrong password"):
        export_all(office, tmp_path / "x", ExportFilter(date(2031, 1, 1), kind="audit"), sign=bad)
    assert not (tmp_path / "x").exists()


def test_bulk_export_signs_on_a_token(
    office: AppContext, softhsm_token: tuple[str, str, str, str], tmp_path: Path
) -> None:
    """A card's key cannot go to the worker processes: they render, this process signs each
    protocol on the token, in one session opened (and its PIN checked) before any work."""
    from auditdesk.reports.batch import Pkcs11Source
    from auditdesk.reports.signing import SigningError
    from softhsm import TOKEN_SIGNER

    lib, label, key_label, pin = softhsm_token
    ids = [completed_audit(office, unit="WKS", day=1 + i, year=2034) for i in range(5)]
    flt = ExportFilter(date(2034, 1, 1), date(2034, 12, 31), unit="WKS", kind="audit")
    wrong = SignOptions(Pkcs11Source(lib, label, key_label, "000000"), "Zatwierdzenie", "Łódź")
    with pytest.raises(SigningError, match="wrong PIN"):
        export_all(office, tmp_path / "refused", flt, sign=wrong, workers=2)
    assert not (tmp_path / "refused").exists()  # refused before any file was written
    with office.db.session() as s:
        assert not any(protocols.is_locked(s, "audit", i) for i in ids)

    token = SignOptions(Pkcs11Source(lib, label, key_label, pin), "Zatwierdzenie", "Łódź")
    result = export_all(office, tmp_path / "out", flt, sign=token, workers=2)
    assert not result.problems and result.signed_now == 5 and len(result.files) == 5
    for f in result.files:
        report = verify_pdf(f.read_bytes())
        assert report.intact and report.signatures[0].signer == TOKEN_SIGNER
    with office.db.session() as s:
        assert all(protocols.is_locked(s, "audit", i) for i in ids)
    rows = list(csv.reader(io.StringIO(result.index_csv.read_text("utf-8-sig")), delimiter=";"))
    assert {r[7] for r in rows[1:]} == {TOKEN_SIGNER}
