"""PAdES signing and verification: sign then verify, tampering, trust, wrong password, what
poppler's pdfsig and qpdf say, and a real PKCS#11 token (SoftHSM2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from auditdesk.reports.certs import build_certificate
from auditdesk.reports.protocol_pdf import RenderedProtocol, render_protocol
from auditdesk.reports.signing import (
    SigningError,
    SignRequest,
    load_pkcs12_signer,
    pkcs11_signer,
    sign_pdf,
)
from auditdesk.reports.specimen import specimen_document
from auditdesk.reports.verify import UnreadablePdf, load_trust_roots, verify_pdf
from protocol_helpers import SignerCert, pdfsig, pdftotext, qpdf_check


@pytest.fixture(scope="module")
def rendered() -> RenderedProtocol:
    return render_protocol(specimen_document())


@pytest.fixture(scope="module")
def signed(rendered: RenderedProtocol, cert: SignerCert) -> bytes:
    signer = load_pkcs12_signer(cert.p12, cert.password)
    request = SignRequest("Zatwierdzenie protokołu", "Łódź, ul. Żeromskiego", rendered.stamp)
    return sign_pdf(rendered.pdf, signer, request)


def tamper_inside_signed_range(data: bytes) -> bytes:
    """Changes one byte of the document info (the creator's name), which the signature covers."""
    at = data.index(b"AuditDesk")
    assert at < data.index(b"/ByteRange")
    out = bytearray(data)
    out[at + 5] = ord("X") if out[at + 5] != ord("X") else ord("Y")
    return bytes(out)


def test_sign_then_verify(signed: bytes, cert: SignerCert) -> None:
    result = verify_pdf(signed)
    assert result.signed and result.intact
    (sig,) = result.signatures
    assert sig.signer == cert.name
    assert sig.signing_time is not None
    assert sig.trusted is None  # no anchors given
    assert not sig.qualified
    trusted = verify_pdf(signed, load_trust_roots([cert.pem]))
    assert trusted.intact and trusted.trusted is True


def test_untrusted_signer_is_reported(signed: bytes, tmp_path: Path) -> None:
    _key, other = build_certificate("Inny Wystawca")
    pem = tmp_path / "other.pem"
    pem.write_bytes(other.public_bytes(serialization.Encoding.PEM))
    result = verify_pdf(signed, load_trust_roots([pem]))
    assert result.intact  # unchanged…
    assert result.trusted is False  # …but not signed by anyone we trust


def test_one_changed_byte_is_detected(signed: bytes, cert: SignerCert) -> None:
    tampered = tamper_inside_signed_range(signed)
    result = verify_pdf(tampered, load_trust_roots([cert.pem]))
    assert result.signed
    assert not result.intact
    assert result.trusted is False


def test_unsigned_and_unreadable(rendered: RenderedProtocol) -> None:
    assert not verify_pdf(rendered.pdf).signed
    assert not verify_pdf(rendered.pdf).intact
    with pytest.raises(UnreadablePdf):
        verify_pdf(b"this is not a pdf at all")


def test_wrong_password_gives_a_clear_message(cert: SignerCert) -> None:
    with pytest.raises(SigningError, match="wrong password for this PKCS#12 file"):
        load_pkcs12_signer(cert.p12, b"not-the-password")
    with pytest.raises(SigningError, match="cannot read the certificate file"):
        load_pkcs12_signer(cert.p12.with_name("missing.p12"), cert.password)


def test_pdfsig_and_qpdf_agree(signed: bytes, tmp_path: Path, cert: SignerCert) -> None:
    good = tmp_path / "signed.pdf"
    good.write_bytes(signed)
    report = pdfsig(good)
    assert "Signature is Valid" in report
    assert "ETSI.CAdES.detached" in report
    assert cert.name in report  # Polish letters in the certificate survive
    check = qpdf_check(good)
    assert check.returncode == 0, check.stdout + check.stderr
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(tamper_inside_signed_range(signed))
    assert "Digest Mismatch" in pdfsig(bad)


def test_stamp_shows_polish_signer_reason_place_and_quality(signed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    text = pdftotext(path)
    assert "Józefa Ćwiąkała-Żółtowska" in text
    assert "Zatwierdzenie protokołu" in text
    assert "Łódź, ul. Żeromskiego" in text
    assert "Certyfikat niekwalifikowany" in text


def test_pkcs11_token_signs(
    softhsm_token: tuple[str, str, str, str], rendered: RenderedProtocol, tmp_path: Path
) -> None:
    lib, label, key_label, pin = softhsm_token
    with pkcs11_signer(lib, label, key_label, pin) as signer:
        data = sign_pdf(rendered.pdf, signer, SignRequest("Zatwierdzenie", "Łódź", rendered.stamp))
    result = verify_pdf(data)
    assert result.intact
    assert result.signatures[0].signer == "Urzędnik Łukasz Żółć"
    path = tmp_path / "token.pdf"
    path.write_bytes(data)
    assert "Signature is Valid" in pdfsig(path)


def test_pkcs11_wrong_pin_and_missing_token(softhsm_token: tuple[str, str, str, str]) -> None:
    lib, label, key_label, _pin = softhsm_token
    with (
        pytest.raises(SigningError, match="wrong PIN"),
        pkcs11_signer(lib, label, key_label, "000000"),
    ):
        pass
    with (
        pytest.raises(SigningError, match="cannot open it"),
        pkcs11_signer(lib, "No Such Token", key_label, "123456"),
    ):
        pass
    with (
        pytest.raises(SigningError, match="not found"),
        pkcs11_signer("/nonexistent/lib.so", label, key_label, "123456"),
    ):
        pass


def test_pkcs11_signs_a_record_through_the_service(
    softhsm_token: tuple[str, str, str, str], tmp_path: Path, copy_demo: Callable[[Path], Path]
) -> None:
    """The whole path an official takes with a card: the audit's protocol signed on the token,
    stored, the record locked, the stored copy verified."""
    from auditdesk.services import protocols
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.store.migrate import open_database
    from protocol_helpers import completed_audit

    lib, label, key_label, pin = softhsm_token
    db = open_database(str(copy_demo(tmp_path / "token.sqlite")))
    try:
        ctx = AppContext(db, Actor.system())
        audit_id = completed_audit(ctx)
        with pytest.raises(SigningError, match="wrong PIN"):
            protocols.sign_with_pkcs11(
                ctx, "audit", audit_id, module=lib, token=label, key=key_label, pin="000000"
            )
        signed = protocols.sign_with_pkcs11(
            ctx, "audit", audit_id, module=lib, token=label, key=key_label, pin=pin, location="Łódź"
        )
        assert signed.signer == "Urzędnik Łukasz Żółć"
        with db.session() as s:
            assert protocols.is_locked(s, "audit", audit_id)
        path = tmp_path / "signed.pdf"
        path.write_bytes(protocols.export_protocol(ctx, "audit", audit_id).pdf)
        report = protocols.verify_protocol_file(ctx, path)
        assert report.exit_code == 0 and report.stored_as.startswith("audit ")
        assert "Signature is Valid" in pdfsig(path)
    finally:
        db.dispose()
