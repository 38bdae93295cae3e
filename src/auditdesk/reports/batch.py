"""Rendering and signing in worker processes, for exports that use every CPU core.

Each worker loads the PKCS#12 signer once (the password arrives with the job over the process
pipe and lives only in the worker's memory) and then renders and signs the documents it gets.
A smart card or token cannot be shared by several processes: with a `Pkcs11Source` the workers
only render, and the exporting process signs each PDF on the token (`sign_rendered`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditdesk.reports.protocol_model import ProtocolDocument

if TYPE_CHECKING:
    # Signing (pyHanko, ~0.5 s to import) and drawing (reportlab) are imported by the functions
    # that use them (issue 14): a worker that only renders never loads pyHanko, and a process
    # that only hands documents to workers never loads either.
    from pyhanko.sign.signers import Signer

    from auditdesk.reports.protocol_pdf import StampBox


@dataclass(frozen=True)
class Pkcs12Source:
    path: Path
    password: bytes

    def __repr__(self) -> str:  # never print the password in a traceback or log
        return f"Pkcs12Source({self.path!s})"


@dataclass(frozen=True)
class Pkcs11Source:
    """A key on a smart card or token, chosen by labels (the settings), unlocked by a PIN."""

    module: str
    token: str
    key: str
    pin: str

    def __repr__(self) -> str:  # never print the PIN in a traceback or log
        return f"Pkcs11Source({self.module!s}, token={self.token!r}, key={self.key!r})"


@dataclass(frozen=True)
class SignOptions:
    source: Pkcs12Source | Pkcs11Source
    reason: str
    location: str
    tsa_url: str = ""


@dataclass(frozen=True)
class BatchResult:
    kind: str
    record_id: int
    pdf: bytes
    sha256: str
    signer: str  # "" when not signed
    stamp: StampBox | None = None  # where a signature made later goes


_signers: dict[tuple[str, str], Signer] = {}


def _signer(source: Pkcs12Source) -> Signer:
    from auditdesk.reports.signing import load_pkcs12_signer

    key = (str(source.path), hashlib.sha256(source.password).hexdigest())
    signer = _signers.get(key)
    if signer is None:
        _signers.clear()
        signer = _signers[key] = load_pkcs12_signer(source.path, source.password)
    return signer


def render_and_sign(doc: ProtocolDocument, options: SignOptions | None) -> BatchResult:
    """Runs in a worker: the document's PDF, signed when options with a PKCS#12 are given."""
    from auditdesk.reports.protocol_pdf import render_protocol

    rendered = render_protocol(doc)
    pdf = rendered.pdf
    name = ""
    if options is not None:
        if not isinstance(options.source, Pkcs12Source):
            raise TypeError("a token signs in the exporting process (sign_rendered), not here")
        from auditdesk.reports.signing import SignRequest, sign_pdf, signer_name

        signer = _signer(options.source)
        request = SignRequest(options.reason, options.location, rendered.stamp, options.tsa_url)
        pdf = sign_pdf(pdf, signer, request)
        name = signer_name(signer)
    digest = hashlib.sha256(pdf).hexdigest()
    return BatchResult(doc.kind, doc.record_id, pdf, digest, name, rendered.stamp)


def sign_rendered(result: BatchResult, signer: Signer, options: SignOptions) -> BatchResult:
    """An unsigned result signed here (with a token's signer, which stays in this process)."""
    from auditdesk.reports.signing import SignRequest, sign_pdf, signer_name

    request = SignRequest(options.reason, options.location, result.stamp, options.tsa_url)
    pdf = sign_pdf(result.pdf, signer, request)
    digest = hashlib.sha256(pdf).hexdigest()
    return BatchResult(result.kind, result.record_id, pdf, digest, signer_name(signer))


def load_drawing() -> None:
    """The drawing code, its fonts and the stamp font loaded in this process: in a spawned
    worker before its first job, in the exporting process before it forks its workers (which
    then draw from their first moment)."""
    import auditdesk.reports.protocol_pdf  # noqa: F401  reportlab, while the parent reads
    from auditdesk.reports.fonts import register_fonts, stamp_font_file

    register_fonts()
    stamp_font_file()


def leave_interrupt_to_parent() -> None:
    """Process initialiser of a forked worker: Ctrl+C is left to the parent (which cancels the
    export cleanly)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def warm_up() -> None:
    """Process initialiser of a spawned worker: the drawing code, fonts and the stamp font are
    ready before the first job, and Ctrl+C is left to the parent."""
    leave_interrupt_to_parent()
    load_drawing()


def ready() -> bool:
    """A job that does nothing: submitted once per worker, it starts every worker at once
    (the pool otherwise starts one per submitted job) while the parent reads the records."""
    return True
