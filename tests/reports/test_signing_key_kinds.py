"""Keys other than RSA PKCS#1 v1.5: RSA-PSS, EC P-256 and Ed25519 in a PKCS#12 file and EC and
Ed25519 keys on a PKCS#11 token (SoftHSM2) sign through pyHanko's ordinary path, and verify; a
key AuditDesk cannot sign with is refused with one line. These used to crash with a traceback
(RSA-PSS in the CMS template path, Ed25519 on a SHA-256 digest, EC on a token that offers only
raw ECDSA with MechanismInvalid).

Outside checks: poppler's pdfsig (NSS) for RSA and EC; it cannot check a certificate whose key
is id-RSASSA-PSS nor an Ed25519 signature (it says "Invalid" / "isn't signed"), so those are
checked with `openssl cms -verify` (RSA-PSS) and with `cryptography` directly (Ed25519: OpenSSL
3.0's CMS refuses Ed25519 with signed attributes)."""

from __future__ import annotations

import asyncio
import hashlib
import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.pkcs11 import PKCS11Signer

from auditdesk.reports.certs import build_certificate, create_certificate
from auditdesk.reports.cms_template import CmsTemplate
from auditdesk.reports.protocol_pdf import RenderedProtocol, render_protocol
from auditdesk.reports.signing import (
    SigningError,
    SignRequest,
    _token_mechanism,
    digest_algorithm,
    load_pkcs12_signer,
    pkcs11_signer,
    sign_pdf,
)
from auditdesk.reports.specimen import specimen_document
from auditdesk.reports.verify import load_trust_roots, verify_pdf
from protocol_helpers import need, pdfsig, pdftotext

PASSWORD = b"haslo-testowe"
SIGNER = "Zdzisław Żółć-Kaczmarek"


@pytest.fixture(scope="module")
def rendered() -> RenderedProtocol:
    return render_protocol(specimen_document())


def pss_p12(folder: Path) -> Path:
    """A PKCS#12 whose key and certificate are RSA-PSS (id-RSASSA-PSS), as `openssl genpkey
    -algorithm RSA-PSS` makes them. `cryptography` writes RSA keys only as rsaEncryption, and
    a PSS certificate with such a key is not paired with it in a PKCS#12, so openssl makes it."""
    openssl = need("openssl")
    key, crt, p12 = folder / "pss.key", folder / "pss.crt", folder / "pss.p12"
    run = lambda *args: subprocess.run(args, check=True, capture_output=True)  # noqa: E731
    run(
        openssl, "genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", key,
    )  # fmt: skip
    run(
        openssl, "req", "-x509", "-new", "-key", key, "-subj", f"/CN={SIGNER}", "-utf8",
        "-days", "30", "-sigopt", "rsa_padding_mode:pss", "-out", crt,
    )  # fmt: skip
    run(
        openssl, "pkcs12", "-export", "-inkey", key, "-in", crt, "-out", p12,
        "-passout", f"pass:{PASSWORD.decode()}",
    )  # fmt: skip
    crt.rename(folder / "pss.pem")
    return p12


def made_p12(folder: Path, kind: str) -> Path:
    if kind == "rsa-pss":
        return pss_p12(folder)
    return create_certificate(SIGNER, folder / f"{kind}.p12", PASSWORD, key_type=kind).p12


def signed_parts(pdf: bytes) -> tuple[bytes, cms.ContentInfo]:
    """The bytes the signature covers and its CMS container."""
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    assert match is not None
    a, b, c, d = map(int, match.groups())
    container = bytes.fromhex(pdf[a + b + 1 : c - 1].decode())
    return pdf[a : a + b] + pdf[c : c + d], cms.ContentInfo.load(container, strict=False)


def openssl_cms_verifies(pdf: bytes, folder: Path) -> bool:
    content, container = signed_parts(pdf)
    (folder / "content").write_bytes(content)
    (folder / "sig.p7s").write_bytes(container.dump())
    done = subprocess.run(
        [
            *(need("openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-noverify"),
            *("-in", str(folder / "sig.p7s"), "-content", str(folder / "content")),
            *("-out", "/dev/null"),
        ],
        capture_output=True,
        text=True,
    )
    return done.returncode == 0 and "Verification successful" in done.stderr


def ed25519_verifies(pdf: bytes) -> bool:
    """RFC 8419: SHA-512 of the document in messageDigest, Ed25519 over the signed attributes."""
    content, container = signed_parts(pdf)
    data = container["content"]
    info = data["signer_infos"][0]
    attrs = {a["type"].native: a["values"][0].native for a in info["signed_attrs"]}
    if attrs["message_digest"] != hashlib.sha512(content).digest():
        return False
    cert = data["certificates"][0].chosen
    key = serialization.load_der_public_key(cert.public_key.dump())
    assert isinstance(key, Ed25519PublicKey)
    signed = bytearray(info["signed_attrs"].dump())
    signed[0] = 0x31  # signed as a SET OF
    try:
        key.verify(info["signature"].native, bytes(signed))
    except Exception:
        return False
    return True


def tampered(pdf: bytes) -> bytes:
    at = pdf.index(b"AuditDesk")
    out = bytearray(pdf)
    out[at + 5] = ord("X")
    return bytes(out)


@pytest.mark.parametrize("kind", ["rsa-pss", "ec", "ed25519"])
def test_pkcs12_key_kinds_sign_and_verify(
    kind: str, rendered: RenderedProtocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_template(*_args: object) -> CmsTemplate:
        raise AssertionError("only RSA PKCS#1 v1.5 goes through the CMS template")

    monkeypatch.setattr(CmsTemplate, "from_sample", no_template)
    p12 = made_p12(tmp_path, kind)
    signer = load_pkcs12_signer(p12, PASSWORD)
    expected_digest = {"rsa-pss": "sha256", "ec": "sha256", "ed25519": "sha512"}[kind]
    assert digest_algorithm(signer) == expected_digest
    data = sign_pdf(rendered.pdf, signer, SignRequest("Zatwierdzenie", "Łódź", rendered.stamp))
    result = verify_pdf(data, load_trust_roots([p12.with_suffix(".pem")]))
    assert result.intact and result.trusted is True
    assert result.signatures[0].signer == SIGNER
    assert not verify_pdf(tampered(data)).intact
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    assert SIGNER in pdftotext(path)  # the stamp
    report = pdfsig(path)
    assert f"Common Name: {SIGNER}" in report and "ETSI.CAdES.detached" in report
    algorithm = {"rsa-pss": "rsassa_pss", "ec": "sha256_ecdsa", "ed25519": "ed25519"}[kind]
    info = signed_parts(data)[1]["content"]["signer_infos"][0]
    assert info["signature_algorithm"].signature_algo in algorithm
    if kind == "ec":
        assert "Signature is Valid" in report
    elif kind == "rsa-pss":
        assert openssl_cms_verifies(data, tmp_path)
        assert not openssl_cms_verifies(tampered(data), tmp_path)
    else:
        assert ed25519_verifies(data)
        assert not ed25519_verifies(tampered(data))


def test_cli_verify_reads_the_other_key_kinds(
    rendered: RenderedProtocol, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from auditdesk.cli import main

    for kind in ("rsa-pss", "ec", "ed25519"):
        folder = tmp_path / kind
        folder.mkdir()
        p12 = made_p12(folder, kind)
        path = folder / "signed.pdf"
        signer = load_pkcs12_signer(p12, PASSWORD)
        path.write_bytes(sign_pdf(rendered.pdf, signer, SignRequest("Z", "Łódź", None)))
        trust = str(p12.with_suffix(".pem"))
        assert main(["--db", str(tmp_path / "none.sqlite"), "verify", str(path)]) in (0, 1)
        assert main(["verify", str(path), "--trust", trust]) == 0, kind
        shown = capsys.readouterr()
        assert "Intact: yes" in shown.out and "Trusted: yes" in shown.out, kind
        assert "Traceback" not in shown.err


def test_a_key_of_another_kind_is_refused_in_one_line(tmp_path: Path) -> None:
    key = dsa.generate_private_key(2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"dsa", key, cert, None, serialization.BestAvailableEncryption(PASSWORD)
    )
    path = tmp_path / "dsa.p12"
    path.write_bytes(data)
    with pytest.raises(SigningError, match=r"cannot sign with \(DSAPrivateKey\)") as caught:
        load_pkcs12_signer(path, PASSWORD)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_pyhankos_refusal_becomes_one_line(
    rendered: RenderedProtocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should pyHanko refuse a key this code lets through, the message is one line, not a
    traceback."""
    p12 = made_p12(tmp_path, "ec")
    signer = load_pkcs12_signer(p12, PASSWORD)

    async def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PyHankoSigningError("Signature mechanism foo is unsupported.\nmore detail")

    monkeypatch.setattr(signer, "async_sign", refuse)
    with pytest.raises(SigningError) as caught:
        sign_pdf(rendered.pdf, signer, SignRequest("Z", "Łódź", rendered.stamp))
    message = str(caught.value)
    assert "\n" not in message and "Signature mechanism foo is unsupported." in message


TOKEN_KEYS = {"rsa": "podpis", "ec": "podpis-ec", "ed25519": "podpis-ed"}


@pytest.mark.parametrize("kind", ["ec", "ed25519"])
def test_pkcs11_ec_and_ed25519_keys_sign(
    kind: str,
    softhsm_token: tuple[str, str, str, str],
    rendered: RenderedProtocol,
    tmp_path: Path,
) -> None:
    lib, label, _rsa_key, pin = softhsm_token
    with pkcs11_signer(lib, label, TOKEN_KEYS[kind], pin) as signer:
        if kind == "ec":
            assert isinstance(signer, PKCS11Signer) and signer.use_raw_mechanism
        data = sign_pdf(rendered.pdf, signer, SignRequest("Zatwierdzenie", "Łódź", rendered.stamp))
        again = sign_pdf(rendered.pdf, signer, SignRequest("Zatwierdzenie", "Łódź", None))
    for signed in (data, again):
        result = verify_pdf(signed)
        assert result.intact and result.signatures[0].signer == "Urzędnik Łukasz Żółć"
        assert not verify_pdf(tampered(signed)).intact
    path = tmp_path / "token.pdf"
    path.write_bytes(data)
    if kind == "ec":
        assert "Signature is Valid" in pdfsig(path)
    else:
        assert ed25519_verifies(data)


def test_pkcs11_ec_key_without_raw_mechanism_is_a_one_line_error(
    softhsm_token: tuple[str, str, str, str], rendered: RenderedProtocol
) -> None:
    """What used to happen: pyHanko asks SoftHSM2 for CKM_ECDSA_SHA256, which it lacks. The
    token's refusal is now one line (AuditDesk itself picks raw ECDSA, test above)."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    lib, label, _rsa_key, pin = softhsm_token
    session = open_pkcs11_session(lib, token_criteria=TokenCriteria(label=label), user_pin=pin)
    try:
        signer = PKCS11Signer(session, key_label="podpis-ec", cert_label="podpis-ec")
        with pytest.raises(SigningError, match="the token refused to sign") as caught:
            sign_pdf(rendered.pdf, signer, SignRequest("Z", "Łódź", None))
        assert "MechanismInvalid" in str(caught.value) and "\n" not in str(caught.value)
    finally:
        session.close()


class _Slot:
    def __init__(self, mechanisms: set[Any]) -> None:
        self._mechanisms = mechanisms

    def get_mechanisms(self) -> set[Any]:
        return self._mechanisms


class _Session:
    def __init__(self, mechanisms: set[Any]) -> None:
        self.token = type("Token", (), {"slot": _Slot(mechanisms)})()


def test_token_mechanism_follows_the_key_and_what_the_token_offers() -> None:
    from asn1crypto import x509 as asn1_x509
    from pkcs11 import Mechanism

    def cert(kind: str) -> asn1_x509.Certificate:
        _key, made = build_certificate(SIGNER, key_type=kind)
        return asn1_x509.Certificate.load(made.public_bytes(serialization.Encoding.DER))

    rsa, ec, ed = cert("rsa"), cert("ec"), cert("ed25519")
    full = _Session({Mechanism.SHA256_RSA_PKCS, Mechanism.RSA_PKCS, Mechanism.ECDSA})
    assert _token_mechanism(full, rsa, "T", "k") == (False, None)
    assert _token_mechanism(_Session({Mechanism.RSA_PKCS}), rsa, "T", "k") == (True, None)
    assert _token_mechanism(full, ec, "T", "k") == (True, None)
    assert _token_mechanism(_Session({Mechanism.ECDSA_SHA256}), ec, "T", "k") == (False, None)
    assert _token_mechanism(_Session(set()), ec, "T", "k") == (True, None)  # not listed: try
    with pytest.raises(SigningError, match="offers no ECDSA mechanism") as caught:
        _token_mechanism(_Session({Mechanism.SHA256_RSA_PKCS}), ec, "T", "k")
    assert "\n" not in str(caught.value)
    with pytest.raises(SigningError, match="offers no EDDSA mechanism"):
        _token_mechanism(full, ed, "T", "k")


def test_bulk_export_signs_on_a_token_with_an_ec_key(
    softhsm_token: tuple[str, str, str, str], tmp_path: Path
) -> None:
    """The export service opens the token through pkcs11_signer too: an EC key signs every
    protocol of the export."""
    from auditdesk.reports.batch import Pkcs11Source, SignOptions
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.services.demo import create_demo
    from auditdesk.services.protocols.export import ExportFilter, export_all
    from auditdesk.store.migrate import open_database
    from protocol_helpers import completed_audit

    lib, label, _rsa_key, pin = softhsm_token
    db = open_database(str(tmp_path / "ec.sqlite"))
    try:
        ctx = AppContext(db, Actor.system())
        create_demo(ctx)
        for day in (9, 10):
            completed_audit(ctx, unit="BOK", day=day, year=2033)
        flt = ExportFilter(date(2033, 1, 1), date(2033, 12, 31), unit="BOK", kind="audit")
        sign = SignOptions(Pkcs11Source(lib, label, "podpis-ec", pin), "Zatwierdzenie", "Łódź")
        result = export_all(ctx, tmp_path / "out", flt, sign=sign, workers=1)
        assert not result.problems and result.signed_now == 2 and len(result.files) == 2
        for f in result.files:
            report = verify_pdf(f.read_bytes())
            assert report.intact and report.signatures[0].signer == "Urzędnik Łukasz Żółć"
    finally:
        db.dispose()


def test_ed25519_container_names_sha512(rendered: RenderedProtocol, tmp_path: Path) -> None:
    signer = load_pkcs12_signer(made_p12(tmp_path, "ed25519"), PASSWORD)
    made = asyncio.run(signer.async_sign(hashlib.sha512(b"x").digest(), "sha512", use_pades=True))
    info = made["content"]["signer_infos"][0]
    assert info["digest_algorithm"]["algorithm"].native == "sha512"


@pytest.mark.parametrize("kind", ["ec", "ed25519"])
def test_cert_create_makes_ec_and_ed25519_keys(
    kind: str, rendered: RenderedProtocol, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditdesk.cli import main

    monkeypatch.setenv("PW", PASSWORD.decode())
    out = tmp_path / f"{kind}.p12"
    args = ["cert", "create", "--name", SIGNER, "--out", str(out), "--password-env", "PW"]
    assert main([*args, "--key", kind]) == 0
    signer = load_pkcs12_signer(out, PASSWORD)
    assert signer.signing_cert is not None
    assert signer.signing_cert.public_key.algorithm == kind
    data = sign_pdf(rendered.pdf, signer, SignRequest("Z", "Łódź", None))
    assert verify_pdf(data, load_trust_roots([out.with_suffix(".pem")])).trusted is True


def test_an_unknown_key_type_is_refused() -> None:
    from auditdesk.domain.errors import ValidationFailed

    with pytest.raises(ValidationFailed, match="not a key type; choose one of rsa, ec, ed25519"):
        build_certificate(SIGNER, key_type="dsa")
