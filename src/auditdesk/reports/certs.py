"""Self-issued signing certificates (PKCS#12) for testing and for offices without a qualified one.

Such a certificate proves only that the protocol was not changed after signing and which key
signed it; it is NOT a qualified certificate and carries no legal presumption. Its subject says
so, and signing.py prints the same on every stamp made with a non-qualified certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from auditdesk.domain.errors import ValidationFailed
from auditdesk.files import private_dir, write_private_bytes

NOT_QUALIFIED = "Certyfikat niekwalifikowany (wystawiony samodzielnie w AuditDesk)"
# id-pe-qcStatements and id-etsi-qcs-QcCompliance: what makes a certificate qualified (eIDAS)
QC_STATEMENTS_OID = "1.3.6.1.5.5.7.1.3"
QC_COMPLIANCE_DER = bytes.fromhex("060604008e460101")

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey


@dataclass(frozen=True)
class CreatedCertificate:
    p12: Path
    pem: Path  # the certificate alone, to pass as --trust when verifying
    subject: str
    fingerprint_sha256: str
    not_after: datetime


KEY_TYPES = ("rsa", "ec", "ed25519")


def _new_key(key_type: str) -> SigningKey:
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    raise ValidationFailed(
        "--key: {kind!r} is not a key type; choose one of {types}",
        kind=key_type,
        types=", ".join(KEY_TYPES),
    )


def build_certificate(
    name: str,
    *,
    organisation: str = "",
    email: str = "",
    days: int = 3 * 365,
    now: datetime | None = None,
    key_type: str = "rsa",
) -> tuple[SigningKey, x509.Certificate]:
    """A self-signed certificate with a new key: RSA 2048 (the default), EC P-256 or Ed25519."""
    if not name.strip():
        raise ValidationFailed("--name: give the signer's full name, e.g. --name 'Jan Kowalski'")
    key = _new_key(key_type)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, NOT_QUALIFIED))
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attrs)
    # a certificate is valid from the moment it is made: the caller passes its clock's `now`
    # (the command line does); reports/ has no clock of its own, so the machine's otherwise
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256())
    )
    return key, cert


def write_pkcs12(
    key: SigningKey, cert: x509.Certificate, out: Path, password: bytes, friendly_name: str
) -> None:
    """Writes FILE.p12 (and FILE.pem with the certificate alone) via temporary names, both
    owner-only (0600, a created folder 0700): the .p12 holds the private key, and anyone who can
    read it can try passwords offline (or sign, without one)."""
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    data = pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"), key, cert, None, encryption
    )
    private_dir(out.parent)
    for target, payload in (
        (out, data),
        (out.with_suffix(".pem"), cert.public_bytes(serialization.Encoding.PEM)),
    ):
        tmp = target.with_name(target.name + ".part")
        write_private_bytes(tmp, payload)
        tmp.replace(target)


def create_certificate(
    name: str,
    out: Path,
    password: bytes,
    *,
    organisation: str = "",
    email: str = "",
    key_type: str = "rsa",
    now: datetime | None = None,
) -> CreatedCertificate:
    """A new key and self-signed certificate in `out` (PKCS#12) and beside it as PEM; `now`:
    when the certificate is made (the caller's clock; the machine's when not given)."""
    if out.suffix.lower() not in (".p12", ".pfx"):
        raise ValidationFailed("{path}: the output file should end in .p12 (PKCS#12)", path=out)
    key, cert = build_certificate(
        name, organisation=organisation, email=email, key_type=key_type, now=now
    )
    write_pkcs12(key, cert, out, password, name)
    return CreatedCertificate(
        p12=out,
        pem=out.with_suffix(".pem"),
        subject=cert.subject.rfc4514_string(),
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(),
        not_after=cert.not_valid_after_utc,
    )


def is_qualified(cert_der: bytes) -> bool:
    """True when the certificate declares QcCompliance in its qcStatements (eIDAS qualified)."""
    cert = x509.load_der_x509_certificate(cert_der)
    for ext in cert.extensions:
        if ext.oid.dotted_string == QC_STATEMENTS_OID:
            raw = ext.value.public_bytes() if hasattr(ext.value, "public_bytes") else b""
            return QC_COMPLIANCE_DER in raw
    return False
