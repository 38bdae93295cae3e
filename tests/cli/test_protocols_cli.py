"""The protocol commands: cert create, protocols pdf/sign/export, verify and its exit codes."""

from __future__ import annotations

import gc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates
from protocol_helpers import completed_audit, pdfsig, qpdf_check

PW = "Tajne-Hasło-9"


@pytest.fixture(scope="module")
def demo_db(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, list[int]]]:
    path = demo_template.copy_to(tmp_path_factory.mktemp("cli") / "cli.sqlite")
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    ids = [completed_audit(ctx, unit="USC", day=d, year=2034) for d in (1, 2, 3, 4)]
    db.dispose()
    yield path, ids


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cert") / "urzędnik.p12"
    mp = pytest.MonkeyPatch()
    mp.setenv("CERT_PW", PW)
    try:
        assert (
            main(
                [
                    "cert",
                    "create",
                    "--name",
                    "Władysław Żółtek",
                    "--out",
                    str(out),
                    "--password-env",
                    "CERT_PW",
                ]
            )
            == 0
        )
    finally:
        mp.undo()
    return out


def test_cert_create_says_not_qualified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PW", PW)
    out = tmp_path / "a.p12"
    assert (
        main(["cert", "create", "--name", "Łucja Ćma", "--out", str(out), "--password-env", "PW"])
        == 0
    )
    text = capsys.readouterr().out
    assert "not a qualified electronic signature" in text
    assert "CN=Łucja Ćma" in text
    assert out.exists() and out.with_suffix(".pem").exists()
    assert PW not in text and PW.encode() not in out.read_bytes()
    monkeypatch.delenv("NOPE", raising=False)
    assert (
        main(
            [
                "cert",
                "create",
                "--name",
                "X",
                "--out",
                str(tmp_path / "b.p12"),
                "--password-env",
                "NOPE",
            ]
        )
        == 1
    )
    assert "--password-env NOPE: that environment variable is not set" in capsys.readouterr().err


def test_sign_verify_tamper_and_exit_codes(
    demo_db: tuple[Path, list[int]],
    p12: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, ids = demo_db
    monkeypatch.setenv("SIGN_PW", "wrong")
    assert (
        main(
            [
                "--db",
                str(db),
                "protocols",
                "sign",
                "audit",
                str(ids[0]),
                "--p12",
                str(p12),
                "--password-env",
                "SIGN_PW",
            ]
        )
        == 1
    )
    assert "wrong password for this PKCS#12 file" in capsys.readouterr().err
    monkeypatch.setenv("SIGN_PW", PW)
    signed = tmp_path / "signed.pdf"
    assert (
        main(
            [
                "--db",
                str(db),
                "protocols",
                "sign",
                "audit",
                str(ids[0]),
                "--p12",
                str(p12),
                "--password-env",
                "SIGN_PW",
                "--location",
                "Łódź",
                "--out",
                str(signed),
            ]
        )
        == 0
    )
    assert "The record is now locked" in capsys.readouterr().out
    # verify: intact, trusted against the certificate, the database copy
    assert (
        main(["--db", str(db), "verify", str(signed), "--trust", str(p12.with_suffix(".pem"))]) == 0
    )
    out = capsys.readouterr().out
    assert "Signer: Władysław Żółtek" in out
    assert "Intact: yes" in out and "Trusted: yes" in out
    assert "matches the stored protocol of audit TK/2034/0001" in out
    assert "Signature is Valid" in pdfsig(signed)
    assert qpdf_check(signed).returncode == 0
    # the stored bytes come back on every later export
    again = tmp_path / "again.pdf"
    assert (
        main(["--db", str(db), "protocols", "pdf", "audit", str(ids[0]), "--out", str(again)]) == 0
    )
    assert again.read_bytes() == signed.read_bytes()
    # one byte changed inside the signed range: exit 1, pdfsig says Digest Mismatch
    data = bytearray(signed.read_bytes())
    at = data.index(b"AuditDesk")
    data[at] = ord("a")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    assert main(["--db", str(db), "verify", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert "Intact: NO" in out and "NO stored protocol has this SHA-256" in out
    assert "Digest Mismatch" in pdfsig(tampered)
    # unsigned: exit 1; unreadable: exit 2
    unsigned = tmp_path / "unsigned.pdf"
    assert (
        main(["--db", str(db), "protocols", "pdf", "audit", str(ids[1]), "--out", str(unsigned)])
        == 0
    )
    assert main(["--db", str(db), "verify", str(unsigned)]) == 1
    assert "carries no signature" in capsys.readouterr().out
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7 garbage")
    assert main(["--db", str(db), "verify", str(junk)]) == 2
    assert main(["--db", str(db), "verify", str(tmp_path / "missing.pdf")]) == 2


def test_export_signs_zips_and_indexes(
    demo_db: tuple[Path, list[int]],
    p12: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, ids = demo_db
    monkeypatch.setenv("SIGN_PW", PW)
    out = tmp_path / "hr"
    assert (
        main(
            [
                "--db",
                str(db),
                "protocols",
                "export",
                "--out",
                str(out),
                "--from",
                "2034-01-01",
                "--to",
                "31.12.2034",
                "--unit",
                "USC",
                "--kind",
                "audit",
                "--sign",
                str(p12),
                "--password-env",
                "SIGN_PW",
                "--zip",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert f"Exported {len(ids)} of {len(ids)} protocol(s)" in text
    archive = out / "protokoly.zip"
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        assert {"index.csv", "index.xlsx"} <= names
        assert {f"TK-2034-000{n}.pdf" for n in range(1, len(ids) + 1)} <= names
        index = zf.read("index.csv").decode("utf-8-sig")
    assert "Władysław Żółtek" in index
    assert [p.name for p in out.iterdir()] == ["protokoly.zip"]
    assert main(["--db", str(db), "protocols", "export", "--out", str(out), "--unit", "NOPE"]) == 1
    assert "no such unit" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", str(db), "protocols", "export", "--out", str(out), "--from", "2034-02-30"])
    assert "give a date as YYYY-MM-DD or DD.MM.YYYY" in capsys.readouterr().err


def test_export_signs_on_the_token_from_the_settings(
    softhsm_token: tuple[str, str, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    copy_demo: Callable[[Path], Path],
) -> None:
    from auditdesk.reports.verify import verify_pdf
    from auditdesk.settings import Settings
    from softhsm import TOKEN_SIGNER

    lib, label, key_label, pin = softhsm_token
    path = copy_demo(tmp_path / "token.sqlite")
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    for day in (5, 6):
        completed_audit(ctx, unit="BOK", day=day, year=2036)
    db.dispose()
    Settings(pkcs11_module=lib, pkcs11_token_label=label, pkcs11_key_label=key_label).save()
    args = ["--db", str(path), "protocols", "export", "--out", str(tmp_path / "out")]
    args += ["--from", "2036-01-01", "--sign-token", "--password-env", "TOKEN_PIN"]
    monkeypatch.setenv("TOKEN_PIN", "000000")
    assert main(args) == 1
    assert "wrong PIN" in capsys.readouterr().err
    monkeypatch.setenv("TOKEN_PIN", pin)
    assert main(args) == 0
    assert "2 signed now" in capsys.readouterr().out
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(files) == 2
    assert {verify_pdf(f.read_bytes()).signatures[0].signer for f in files} == {TOKEN_SIGNER}


def test_export_leaves_the_garbage_collector_running(
    demo_db: tuple[Path, list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A caller's main(argv) (a test's, not the process's own command) leaves the collector
    as it was: on, nothing frozen, also when the sign-in fails (the process's own command holds
    it: tests/cli/test_fresh_process_commands.py)."""
    db, ids = demo_db
    assert gc.isenabled()
    # Counted calls, not gc.get_freeze_count(): a window test earlier in this process may have
    # frozen the heap, and a frozen object that dies lowers that count (a random failure).
    freezes: list[int] = []
    real_freeze = gc.freeze

    def counted_freeze() -> None:
        freezes.append(1)
        real_freeze()

    monkeypatch.setattr(gc, "freeze", counted_freeze)
    export = ["protocols", "export", "--out", str(tmp_path / "out"), "--from", "2034-01-01"]
    assert main(["--db", str(db), *export, "--unit", "USC", "--kind", "audit"]) == 0
    assert f"Exported {len(ids)} of {len(ids)}" in capsys.readouterr().out
    assert gc.isenabled()
    monkeypatch.setenv("AUDITDESK_PASSWORD", "not-the-password")
    assert main(["--db", str(db), "--user", "kadry", *export]) != 0
    assert "kadry" in capsys.readouterr().err
    assert gc.isenabled() and freezes == []
