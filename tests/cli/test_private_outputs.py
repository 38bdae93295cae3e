"""Files written by the commands are owner-only on POSIX (issue 11): files 0600, the folders a
command creates 0700, under the usual umask 022. The single protocol PDF (`protocols pdf` and
`protocols sign --out`), the self-issued certificate (`cert create`: the .p12 holds the private
key, the .pem names the person), the appraisal exports, and the trail seal in the settings
folder. (Database, backups, logs, settings: tests/services/admin/test_private_files.py;
bulk protocol and audit exports: tests/services/protocols/test_private_exports.py.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.admin import trail_seal
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import config_dir
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates
from protocol_helpers import completed_audit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits exist on POSIX only")

PW = "Tajne-Hasło-9"


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[int]]:
    path = demo_template.copy_to(tmp_path_factory.mktemp("private") / "office.sqlite")
    db = open_database(str(path))
    try:
        ids = [completed_audit(AppContext(db, Actor.system()), day=d, year=2035) for d in (1, 2)]
    finally:
        db.dispose()
    return path, ids


def _cert(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERT_PW", PW)
    args = ["cert", "create", "--name", "Łucja Ćma", "--out", str(out), "--password-env", "CERT_PW"]
    assert main(args) == 0


def test_cert_create_writes_the_key_and_certificate_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "new" / "podpis.p12"
    _cert(out, monkeypatch)
    assert mode(out) == 0o600  # the private key
    assert mode(out.with_suffix(".pem")) == 0o600
    assert mode(out.parent) == 0o700
    # an existing readable file replaced by a new certificate does not stay readable
    out.chmod(0o644)
    _cert(out, monkeypatch)
    assert mode(out) == 0o600
    assert not list(out.parent.glob("*.part"))


def test_single_protocol_pdf_is_owner_only(office: tuple[Path, list[int]], tmp_path: Path) -> None:
    db, ids = office
    out = tmp_path / "out" / "protokol.pdf"
    assert main(["--db", str(db), "protocols", "pdf", "audit", str(ids[0]), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert mode(out) == 0o600
    assert mode(out.parent) == 0o700
    assert not list(out.parent.glob(".*.part"))


def test_signed_protocol_written_with_sign_out_is_owner_only(
    office: tuple[Path, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, ids = office
    p12 = tmp_path / "podpis.p12"
    _cert(p12, monkeypatch)
    signed = tmp_path / "signed" / "podpisany.pdf"
    args = ["--db", str(db), "protocols", "sign", "audit", str(ids[1]), "--p12", str(p12)]
    assert main([*args, "--password-env", "CERT_PW", "--out", str(signed)]) == 0
    assert signed.read_bytes().startswith(b"%PDF")
    assert mode(signed) == 0o600
    assert mode(signed.parent) == 0o700
    assert not list(signed.parent.glob("*.part"))


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_appraisal_export_is_owner_only(
    office: tuple[Path, list[int]], tmp_path: Path, fmt: str
) -> None:
    db, _ids = office
    out = tmp_path / f"oceny.{fmt}"
    assert main(["--db", str(db), "appraisals", "export", "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 0
    assert mode(out) == 0o600
    assert not list(tmp_path.glob("*.part"))


def test_trail_seal_file_and_its_folder_are_owner_only(
    office: tuple[Path, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(tmp_path / "config" / "AuditDesk"))
    path, _ids = office
    db = open_database(str(path))
    try:
        trail_seal.remember_trail_head(db)
        seals = trail_seal.seals_path()
        assert seals.parent == config_dir()
        assert seals.exists() and mode(seals) == 0o600
        assert mode(seals.parent) == mode(seals.parent.parent) == 0o700
        # a leftover temporary file from an older version, readable by all, is not reused as is
        seals.with_suffix(".tmp").write_text("{}")
        seals.with_suffix(".tmp").chmod(0o644)
        seals.unlink()
        trail_seal.remember_trail_head(db)
        assert mode(seals) == 0o600
    finally:
        db.dispose()
