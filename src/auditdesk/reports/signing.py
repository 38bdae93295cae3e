"""PAdES signatures (ETSI.CAdES.detached) with pyHanko, from a PKCS#12 file or a PKCS#11 token.

Level B-B offline; B-T when a time-stamp server URL is configured. The visible stamp shows the
signer's name, the time, the reason and the place, set in the 1000-units-per-em copy of DejaVu
Sans (fonts.py) so that Polish letters come out right, and says when the certificate is not a
qualified one. Passwords and PINs are passed in by the caller for each signature and never kept.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import algos, cms
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.general import get_cms_hash_algo_for_mechanism, optimal_pss_params
from pyhanko.sign.signers import Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from auditdesk.domain.errors import AuditDeskError
from auditdesk.reports.certs import NOT_QUALIFIED, is_qualified
from auditdesk.reports.cms_template import CmsTemplate, TemplateError
from auditdesk.reports.fonts import stamp_font_file
from auditdesk.reports.protocol_pdf import StampBox
from auditdesk.reports.stamp_font import WholeStampFont, covers

log = logging.getLogger(__name__)

FIELD_NAME = "Podpis"
STAMP_TEXT = (
    "Podpisano elektronicznie (PAdES): %(signer)s\n"
    "Data: %(ts)s\n"
    "Powód: %(reason)s\n"
    "Miejsce: %(location)s\n"
    "%(quality)s"
)
QUALIFIED = "Podpis złożony certyfikatem kwalifikowanym"


class SigningError(AuditDeskError):
    """The key or certificate cannot be used (wrong password or PIN, missing token, bad file)."""


@dataclass(frozen=True)
class SignRequest:
    reason: str
    location: str
    stamp: StampBox | None  # None: an invisible signature
    tsa_url: str = ""  # non-empty: PAdES B-T with a time stamp from this server


class _KeptKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner parses its private key again for every signature (a slow RSA
    consistency check); this keeps the parsed key for the signer's lifetime. For a PAdES B-B
    signature with an RSA key it also fills a CMS template made once (cms_template.py) instead
    of having pyHanko assemble the container anew."""

    def __init__(self, key: PrivateKeyTypes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = key
        self._templates: dict[str, CmsTemplate | None] = {}

    def _templatable(
        self,
        digest_algorithm: str,
        dry_run: bool,
        use_pades: bool,
        timestamper: Any,
        attrs: PdfCMSSignedAttributes | None,
        is_pdf_sig: bool,
        encap: Any,
    ) -> bool:
        if dry_run or not use_pades or not is_pdf_sig or timestamper is not None or encap:
            return False
        if attrs is not None and attrs.cades_signed_attrs is not None:
            return False
        if self.signed_attr_prov_spec is not None or self.unsigned_attr_prov_spec is not None:
            return False
        if list(self.attribute_certs) or not isinstance(self._key, rsa.RSAPrivateKey):
            return False
        try:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        except ValueError:  # pyHanko's own path says what it cannot do, in its words
            return False
        # only RSA PKCS#1 v1.5 makes the same container bytes every time; RSASSA-PSS (salted),
        # ECDSA and EdDSA go pyHanko's ordinary way
        return digest_algorithm in _HASHES and mechanism["algorithm"].native in _PKCS1V15

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run: bool = False,
        use_pades: bool = False,
        timestamper: Any = None,
        signed_attr_settings: PdfCMSSignedAttributes | None = None,
        is_pdf_sig: bool = True,
        encap_content_info: Any = None,
    ) -> cms.ContentInfo:
        args = (dry_run, use_pades, timestamper, signed_attr_settings, is_pdf_sig)
        if not self._templatable(digest_algorithm, *args, encap_content_info):
            result: cms.ContentInfo = await super().async_sign(
                data_digest, digest_algorithm, *args, encap_content_info=encap_content_info
            )
            return result
        if digest_algorithm not in self._templates:
            sample_digest = hashlib.new(digest_algorithm, b"AuditDesk CMS template").digest()
            sample = await super().async_sign(sample_digest, digest_algorithm, *args)
            try:
                self._templates[digest_algorithm] = CmsTemplate.from_sample(sample, sample_digest)
            except TemplateError as exc:  # a container of another shape: pyHanko builds each
                log.info("no CMS template for this signer (%s); signing the usual way", exc)
                self._templates[digest_algorithm] = None
        template = self._templates[digest_algorithm]
        if template is None:
            result = await super().async_sign(data_digest, digest_algorithm, *args)
            return result
        return template.fill(data_digest, lambda tbs: self.sign_raw(tbs, digest_algorithm))

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        algo = mechanism["algorithm"].native
        if algo in _PKCS1V15 and isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), _HASHES[digest_algorithm]())
        result: bytes = super().sign_raw(data, digest_algorithm)
        return result


_PKCS1V15 = ("sha256_rsa", "sha384_rsa", "sha512_rsa", "rsassa_pkcs1v15")
_HASHES: dict[str, Any] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


def load_pkcs12_signer(path: Path, password: bytes) -> Signer:
    """A signer from a PKCS#12 file; a wrong password gives a message saying just that."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            "{path}: cannot read the certificate file ({detail})", path=path, detail=exc.strerror
        ) from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError as exc:
        raise SigningError(
            "{path}: wrong password for this PKCS#12 file, or the file is not a PKCS#12 "
            "certificate. Check the password (it is case-sensitive) and try again.",
            path=path,
        ) from exc
    if key is None or cert is None:
        raise SigningError("{path}: the file holds no private key with its certificate", path=path)
    if not isinstance(key, _KEY_TYPES):
        raise SigningError(
            "{path}: the certificate's key is of a kind AuditDesk cannot sign with ({kind}); "
            "use a certificate with an RSA, EC (ECDSA) or Ed25519 key",
            path=path,
            kind=type(key).__name__.lstrip("_"),
        )
    key_der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    to_asn1 = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in extra
    ]
    signing_cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    return _KeptKeySigner(
        key,
        signing_cert=signing_cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(to_asn1),  # type: ignore[no-untyped-call]
        signature_mechanism=pss_mechanism(signing_cert),
    )


_KEY_TYPES = (
    rsa.RSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
)


def pss_mechanism(cert: asn1_x509.Certificate) -> algos.SignedDigestAlgorithm | None:
    """RSASSA-PSS for a certificate whose key is marked id-RSASSA-PSS, with the parameters the
    certificate prescribes (or SHA-256 and the longest salt when it names none); None for any
    other key, whose mechanism pyHanko derives itself. pyHanko has no default for such a key."""
    spki = cert.public_key["algorithm"]
    if spki["algorithm"].native != "rsassa_pss":
        return None
    params = spki["parameters"]
    if not isinstance(params, algos.RSASSAPSSParams) or params.native is None:
        params = optimal_pss_params(cert, "sha256")
    return algos.SignedDigestAlgorithm({"algorithm": "rsassa_pss", "parameters": params})


def digest_algorithm(signer: Signer) -> str:
    """SHA-256, unless the key fixes another: Ed25519 signs SHA-512, Ed448 SHAKE256, and an
    RSASSA-PSS certificate may name its own hash."""
    try:
        mechanism = signer.get_signature_mechanism_for_digest(None)
        return str(get_cms_hash_algo_for_mechanism(mechanism))
    except ValueError:  # RSA PKCS#1 v1.5 and ECDSA take the hash they are given
        return "sha256"


@contextmanager
def pkcs11_signer(module: str, token_label: str, key_label: str, pin: str) -> Iterator[Signer]:
    """A signer on a smart card or token; the token is chosen by label (slot numbers change)."""
    from pkcs11 import exceptions as p11_errors
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    if not module or not Path(module).is_file():
        raise SigningError(
            "PKCS#11 module {module!r} not found; set its path in the settings", module=module
        )
    try:
        session = open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except p11_errors.PinIncorrect as exc:
        raise SigningError(
            "token {token!r}: wrong PIN; try again (careful: after a "
            "few wrong PINs the card locks)",
            token=token_label,
        ) from exc
    except p11_errors.PinLocked as exc:
        raise SigningError(
            "token {token!r}: the PIN is locked; unblock it with the card's PUK first",
            token=token_label,
        ) from exc
    except Exception as exc:  # python-pkcs11 and pyHanko raise many kinds here
        raise SigningError(
            "token {token!r} in {module}: cannot open it ({detail})",
            token=token_label,
            module=module,
            detail=str(exc),
        ) from exc
    try:
        signer = PKCS11Signer(session, key_label=key_label, cert_label=key_label)
        try:
            cert = signer.signing_cert
        except Exception as exc:
            raise SigningError(
                "token {token!r}: no key and certificate labelled {key!r} ({detail})",
                token=token_label,
                key=key_label,
                detail=str(exc),
            ) from exc
        raw, mechanism = _token_mechanism(session, cert, token_label, key_label)
        if raw or mechanism is not None:
            signer = PKCS11Signer(
                session,
                key_label=key_label,
                cert_label=key_label,
                signing_cert=cert,
                use_raw_mechanism=raw,
                signature_mechanism=mechanism,
            )
        yield signer
    finally:
        session.close()


def _token_mechanism(
    session: Any, cert: asn1_x509.Certificate, token: str, key: str
) -> tuple[bool, algos.SignedDigestAlgorithm | None]:
    """How to sign with the token's key: (use the raw mechanism, the signature mechanism or
    None for pyHanko's default), chosen from the key's kind and what the token offers. Many
    cards, and SoftHSM2, offer only raw ECDSA (CKM_ECDSA over a hash made on the computer);
    pyHanko's default for EC asks for CKM_ECDSA_SHA256 and the token says MechanismInvalid."""
    from pkcs11 import Mechanism
    from pyhanko.sign.pkcs11 import RSASSA_PSS_MECH_MAP

    try:
        offered: set[Any] = set(session.token.slot.get_mechanisms())
    except Exception:  # a token that does not list them: try, and let it say no
        offered = set()

    def has(mechanism: Any) -> bool:
        return not offered or mechanism in offered

    kind = cert.public_key["algorithm"]["algorithm"].native
    if kind == "rsa" and has(Mechanism.SHA256_RSA_PKCS):
        return False, None
    if kind == "rsa" and Mechanism.RSA_PKCS in offered:
        return True, None  # raw RSA PKCS#1 v1.5 over a DigestInfo made here
    pss = pss_mechanism(cert) if kind == "rsassa_pss" else None
    if pss is not None and has(RSASSA_PSS_MECH_MAP.get(pss.hash_algo)):
        return False, pss
    if kind == "ec" and has(Mechanism.ECDSA):
        return True, None
    if kind == "ec" and Mechanism.ECDSA_SHA256 in offered:
        return False, None
    if kind in ("ed25519", "ed448") and has(Mechanism.EDDSA):
        return False, None
    needed = {"rsa": "RSA-PKCS", "rsassa_pss": "RSA-PKCS-PSS", "ec": "ECDSA"}.get(kind, "EDDSA")
    if kind not in ("rsa", "rsassa_pss", "ec", "ed25519", "ed448"):
        raise SigningError(
            "token {token!r}: key {key!r} is of a kind AuditDesk cannot sign with ({kind}); "
            "use an RSA, EC (ECDSA) or Ed25519 key",
            token=token,
            key=key,
            kind=kind,
        )
    raise SigningError(
        "token {token!r}: key {key!r} is {kind}, but the token offers no {mechanism} "
        "mechanism to sign with it; use another key or token",
        token=token,
        key=key,
        kind=kind.upper(),
        mechanism=needed,
    )


def signer_name(signer: Signer) -> str:
    cert = signer.signing_cert
    if cert is None:
        return ""
    name: Any = cert.subject.native.get("common_name") or cert.subject.human_friendly
    return str(name)


def _stamp_style(text: str) -> TextStampStyle:
    """The stamp in the 1000-upem DejaVu subset, embedded whole (stamp_font.py); a text with a
    character outside it (a name in another script) makes pyHanko subset the font itself."""
    path = stamp_font_file()
    font: FontEngineFactory
    if covers(path, text):
        font = WholeStampFont(path, font_size=9)
    else:
        font = GlyphAccumulatorFactory(str(stamp_font_file(full=True)), font_size=9)
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(font=font, leading=11),
        timestamp_format="%d.%m.%Y %H:%M:%S %Z",
        border_width=1,
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(left=6, right=6),
        ),
    )


def _reserve(signer: Signer, request: SignRequest) -> int:
    """Room for the CMS container, so pyHanko need not sign twice to measure it: the
    certificates, the signature itself and attributes, plus a time-stamp token for B-T."""
    registry = getattr(signer, "cert_registry", None)
    certs = list(registry) if registry is not None else []
    cert = signer.signing_cert
    size = sum(len(c.dump()) for c in certs) + (len(cert.dump()) if cert is not None else 0)
    size += 4096 + (12288 if request.tsa_url else 0)
    return 2 * size  # hex-encoded in the file


def sign_pdf(pdf: bytes, signer: Signer, request: SignRequest) -> bytes:
    """The PDF with a PAdES signature appended as an incremental update."""
    cert = signer.signing_cert
    qualified = cert is not None and is_qualified(cert.dump())
    name = signer_name(signer)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=request.reason,
        location=request.location,
        name=name,
        md_algorithm=digest_algorithm(signer),
        subfilter=SigSeedSubFilter.PADES,
    )
    if request.stamp is not None:
        field_spec = fields.SigFieldSpec(
            FIELD_NAME, on_page=request.stamp.page, box=request.stamp.box
        )
    else:
        field_spec = fields.SigFieldSpec(FIELD_NAME)
    params = {
        "reason": request.reason,
        "location": request.location,
        "quality": QUALIFIED if qualified else NOT_QUALIFIED,
    }
    # what the stamp will show, with every character a time can have in place of the time
    stamp_text = STAMP_TEXT % {**params, "signer": name, "ts": "0123456789.: UTC+-"}
    timestamper = HTTPTimeStamper(request.tsa_url) if request.tsa_url else None
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        timestamper=timestamper,
        stamp_style=_stamp_style(stamp_text) if request.stamp is not None else None,
        new_field_spec=field_spec,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(
            writer,
            output=out,
            appearance_text_params=params,
            bytes_reserved=_reserve(signer, request),
        )
    except Exception as exc:
        if request.tsa_url and "timestamp" in str(type(exc)).lower():
            raise SigningError(
                "time-stamp server {url}: {detail}. Check the address in the "
                "settings, or clear it to sign at level B-B without a time stamp.",
                url=request.tsa_url,
                detail=str(exc),
            ) from exc
        if type(exc).__module__.split(".")[0] == "pkcs11":  # the card or token said no
            raise SigningError(
                "the token refused to sign ({detail}); check that the key is meant for "
                "signing, or use another key",
                detail=_first_line(f"{type(exc).__name__} {exc}".strip()),
            ) from exc
        if isinstance(exc, PyHankoSigningError | NotImplementedError):
            raise SigningError(
                "this key cannot sign the protocol ({detail}); use a certificate with an "
                "RSA, EC (ECDSA) or Ed25519 key",
                detail=_first_line(str(exc) or type(exc).__name__),
            ) from exc
        raise
    return out.getvalue()


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else text
