"""Checks a signed protocol: who signed, when, whether the file is intact and the signer trusted.

pyHanko's `valid` only says the signature over the signed attributes is mathematically right; it
stays true when the document bytes were changed. The judgement therefore rests on `bottom_line`,
which also requires the document digest to match (`intact`), the modification policy to hold and
any time stamp to be sound. Intactness is judged with the signer's own certificate as the trust
root (so an untrusted but unchanged file still counts as intact), trust separately against the
certificates given with --trust.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from auditdesk.domain.errors import AuditDeskError, Localized
from auditdesk.domain.limits import MAX_PDF_BYTES, InputRefused, read_bounded, size_text
from auditdesk.reports.certs import is_qualified


class UnreadablePdf(AuditDeskError):
    """The file is not a PDF that can be read; `verify` exits 2."""

    exit_code = 2


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str
    signer_subject: str
    signing_time: datetime | None
    intact: bool  # bottom_line against the signer's own certificate, and covering the whole file
    trusted: bool | None  # None when no trust anchors were given
    qualified: bool
    timestamped: bool
    summary: str  # pyHanko's own one-line summary, for the curious


@dataclass(frozen=True)
class VerificationResult:
    sha256: str
    signatures: tuple[SignatureReport, ...] = field(default_factory=tuple)

    @property
    def signed(self) -> bool:
        return bool(self.signatures)

    @property
    def intact(self) -> bool:
        return self.signed and all(s.intact for s in self.signatures)

    @property
    def trusted(self) -> bool | None:
        values = [s.trusted for s in self.signatures]
        if not values or any(v is None for v in values):
            return None
        return all(v is True for v in values)


def load_trust_roots(paths: list[Path]) -> list[asn1_x509.Certificate]:
    roots: list[asn1_x509.Certificate] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AuditDeskError(
                "{path}: cannot read the trusted certificate ({detail})",
                path=path,
                detail=exc.strerror,
            ) from exc
        try:
            if pem.detect(data):
                roots += [asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
            else:
                roots.append(asn1_x509.Certificate.load(data))
        except ValueError as exc:
            raise AuditDeskError(
                "{path}: not a certificate in PEM or DER form ({detail})",
                path=path,
                detail=str(exc),
            ) from exc
    return roots


def _context(roots: list[asn1_x509.Certificate]) -> ValidationContext:
    return ValidationContext(trust_roots=roots, allow_fetching=False)


class _ToLogFile(logging.Handler):
    """Hands a record to the log files only (the root logger's file handlers), not the console."""

    def emit(self, record: logging.LogRecord) -> None:
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.FileHandler) and record.levelno >= handler.level:
                handler.handle(record)


_PYHANKO_LOGGERS = ("pyhanko", "pyhanko_certvalidator")
_to_log_file = _ToLogFile()
_quiet_lock = threading.Lock()
_quiet_depth = 0


@contextmanager
def _pyhanko_to_log_file() -> Iterator[None]:
    """pyHanko logs what it meets while validating as warnings with a full traceback (an
    incremental update it cannot classify, an odd certificate) and pyhanko_certvalidator uses
    `warnings`; the verdict already says what matters, so these go to the log file, never to
    the terminal or the window's stderr."""
    global _quiet_depth
    with _quiet_lock:
        _quiet_depth += 1
        if _quiet_depth == 1:
            for name in _PYHANKO_LOGGERS:
                logger = logging.getLogger(name)
                logger.propagate = False
                logger.addHandler(_to_log_file)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for w in caught:
            args = (w.category.__name__, w.message)
            record = logging.LogRecord(
                "pyhanko.warnings", logging.WARNING, w.filename, w.lineno, "%s: %s", args, None
            )
            _to_log_file.handle(record)
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name in _PYHANKO_LOGGERS:
                    logger = logging.getLogger(name)
                    logger.removeHandler(_to_log_file)
                    logger.propagate = True


def _quietly(fn: Callable[..., VerificationResult]) -> Callable[..., VerificationResult]:
    @functools.wraps(fn)
    def run(*args: object, **kwargs: object) -> VerificationResult:
        with _pyhanko_to_log_file():
            return fn(*args, **kwargs)

    return run


@_quietly
def verify_pdf(
    data: bytes, trust: list[asn1_x509.Certificate] | None = None, source: str = "PDF"
) -> VerificationResult:
    """Every signature in the file, judged offline."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise UnreadablePdf(
            "{source}: not a readable PDF ({detail})", source=source, detail=str(exc)
        ) from exc
    # a crafted file reaches pyHanko's parser in ways its own errors do not cover (objects
    # nested thousands deep end in RecursionError, odd types in AttributeError): whatever a
    # file makes the parser raise is that file's fault, reported as unreadable (exit 2)
    except Exception as exc:
        raise UnreadablePdf(
            "{source}: not a readable PDF ({detail})",
            source=source,
            detail=f"{type(exc).__name__}: {exc}"[:300],
        ) from exc
    reports = []
    for sig in embedded:
        try:
            cert = sig.signer_cert
            own = validate_pdf_signature(sig, _context([cert]))
        except (PdfReadError, ValueError, KeyError) as exc:
            raise UnreadablePdf(
                "{source}: the signature cannot be read ({detail})", source=source, detail=str(exc)
            ) from exc
        except Exception as exc:  # as above: a crafted signature dictionary
            raise UnreadablePdf(
                "{source}: the signature cannot be read ({detail})",
                source=source,
                detail=f"{type(exc).__name__}: {exc}"[:300],
            ) from exc
        intact = own.bottom_line and own.coverage == SignatureCoverageLevel.ENTIRE_FILE
        trusted: bool | None = None
        if trust is not None:
            trusted = intact and validate_pdf_signature(sig, _context(trust)).bottom_line
        name = cert.subject.native.get("common_name") or cert.subject.human_friendly
        reports.append(
            SignatureReport(
                field_name=sig.field_name,
                signer=str(name),
                signer_subject=cert.subject.human_friendly,
                signing_time=own.signer_reported_dt,
                intact=intact,
                trusted=trusted,
                qualified=is_qualified(cert.dump()),
                timestamped=own.timestamp_validity is not None,
                summary=own.summary(),
            )
        )
    return VerificationResult(digest, tuple(reports))


def verify_file(path: Path, trust: list[asn1_x509.Certificate] | None = None) -> VerificationResult:
    """Reads at most MAX_PDF_BYTES of `path` (a larger file is refused unread, exit 2)."""
    try:
        data = read_bounded(path, MAX_PDF_BYTES, Localized("PDF", "PDF"))
    except OSError as exc:
        raise UnreadablePdf(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    except InputRefused as exc:
        raise UnreadablePdf(
            "{path}: larger than the limit of {limit} for a PDF to verify; nothing was read",
            path=path,
            limit=size_text(MAX_PDF_BYTES),
        ) from exc
    return verify_pdf(data, trust, str(path))
