"""Rendering and signing in worker processes, for exports that use every CPU core.

Each worker loads the PKCS#12 signer once (the password arrives with the job over the process
pipe and lives only in the worker's memory) and then renders and signs the documents it gets.
A smart card or token cannot be shared by several processes: with a `Pkcs11Source` the workers
only render, and the exporting process signs each PDF on the token (`sign_rendered`).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditdesk.reports.protocol_model import ProtocolDocument

if TYPE_CHECKING:
    # Signing (pyHanko, ~0.5 s to import) and drawing (reportlab) are imported by the functions
    # that use them (issue 14): a worker that only renders never loads pyHanko, and a process
    # that only hands documents to workers never loads either.
    from multiprocessing.synchronize import Semaphore

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


def can_fork() -> bool:
    """Whether workers may be forked from this process: the platform forks safely (Linux) and
    this process runs no other thread and no Qt (a fork copies another thread's locks in
    whatever state they are, and Qt's threads not at all)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and "PySide6" not in sys.modules
    )


def warm_up_forked(turn: Semaphore) -> None:
    """Process initialiser of a worker forked before the exporting process loaded its database
    code (`early_pool`): the drawing code, the fonts and openpyxl (the index is written by a
    worker then) are loaded here, as many workers at once as `turn` lets (one on two cores), so
    that the exporting process keeps a core of its own while it imports; the garbage collector
    is held meanwhile and then kept off what was loaded (`gc.freeze`), and on for the drawing;
    Ctrl+C is left to the parent."""
    from auditdesk.reports.index_files import load_xlsx_writer

    leave_interrupt_to_parent()
    gc.disable()
    try:
        with turn:
            load_drawing()
            load_xlsx_writer()
    finally:
        gc.freeze()
        gc.enable()


def loading_at_once() -> int:
    """How many early workers load at the same time: all cores but the exporting process's."""
    return max(1, (os.cpu_count() or 1) - 1)


def early_pool(workers: int, at_once: int | None = None) -> ProcessPoolExecutor | None:
    """Drawing workers forked now, at the start of a bulk export from the command line, before
    the exporting process imports SQLAlchemy, the models and the services and signs in
    (~0.5 s): the workers load reportlab, the fonts and openpyxl (~0.15 s each) meanwhile on
    the other cores, `at_once` at a time (`loading_at_once()`: one on two cores), and are
    ready when the first record has been read; one of them writes index.xlsx (issue 14;
    measured in benchmarks/README.md, "Start of the command line", session 5: two loading at
    once on two cores slowed the exporting process's imports as much as they saved). None
    where workers may not be forked or one core draws anyway; the caller hands the pool to
    `export_all` and shuts it down.

    Forked from a process that has loaded almost nothing, each worker is small and holds no
    database connection or session of the parent's (tests/services/protocols/
    test_export_workers.py checks what a worker has loaded)."""
    if workers < 2 or not can_fork():
        return None
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=warm_up_forked,
        initargs=(context.Semaphore(loading_at_once() if at_once is None else at_once),),
    )
    pool.submit(ready)  # forks every worker now (a fork pool starts them all at its first job)
    return pool


def ready() -> bool:
    """A job that does nothing: submitted once per worker, it starts every worker at once
    (the pool otherwise starts one per submitted job) while the parent reads the records."""
    return True
