"""Bulk export of protocols for HR: every matching record as a PDF named by its record number,
plus index.csv and index.xlsx, optionally signed and zipped.

Rendering and signing run in a pool of worker processes (one per CPU core); the database work
stays in this process. Every file is written under a temporary name and renamed when complete,
so a cancelled or crashed export leaves only whole files behind.

The workers are forked from this process where the platform forks and this process runs no
other thread (the command line), and load the drawing code themselves while this process reads
(`reports.batch.early_pool`), so they pay off from a few protocols; the command line forks them
first thing, before it imports the database code, and hands them in (`drawers`). Elsewhere
(Windows, macOS, the window with its Qt threads, which a fork would copy half-way) they are
spawned, each an interpreter that imports reportlab first, which pays off from
`IN_PROCESS_BELOW` protocols; fewer are drawn in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import zipfile
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from auditdesk.domain.dialects import check_dialect
from auditdesk.domain.errors import AuditDeskError, ValidationFailed
from auditdesk.files import create_private, open_private, private_dir, replace_file
from auditdesk.reports.batch import (
    BatchResult,
    Pkcs11Source,
    Pkcs12Source,
    SignOptions,
    can_fork,
    early_pool,
    ready,
    render_and_sign,
    sign_rendered,
    warm_up,
)
from auditdesk.reports.index_files import IndexRow, csv_bytes, load_xlsx_writer, xlsx_bytes
from auditdesk.reports.protocol_model import IndexEntry, ProtocolDocument
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.appraisals import access as appraisal_access
from auditdesk.services.context import AppContext
from auditdesk.services.protocols import (
    KINDS,
    SignedPdf,
    _stem,
    build_documents,
    check_kind,
    store_signed_many,
)
from auditdesk.store.models import OrgUnit, Protocol

if TYPE_CHECKING:  # pyHanko is imported only when signing (issue 14)
    from pyhanko.sign.signers import Signer

ZIP_NAME = "protokoly.zip"
# Fewer protocols to draw than this are drawn in this process (issue 14): a worker starts an
# interpreter and imports reportlab (~0.3-0.5 s, ~10 protocols' drawing) before its first page,
# and on two shared cores the second worker gains at most half the drawing back. 28 protocols
# took 2.4 s here against 3.7-5.4 s with two workers under load.
IN_PROCESS_BELOW = 60
# Forked workers (issue 14) start in milliseconds and share the drawing code this process has
# loaded: from this many protocols two of them beat drawing here (28 protocols: ~1.1 s of
# drawing here, ~0.6 s in two forked workers on two cores).
FORKED_FROM = 6
# Records read from the database at a time (issue 14): a few statements for the whole chunk
# instead of about ten per record; the chunk's documents (with their evidence photos) are held
# until handed to the workers.
READ_CHUNK = 50


@dataclass(frozen=True)
class ExportFilter:
    date_from: date | None = None
    date_to: date | None = None
    unit: str | None = None  # unit code, e.g. "WKS" (its sub-units are included)
    kind: str | None = None  # "audit", "appraisal" or None for both


@dataclass(frozen=True)
class RecordRef:
    kind: str
    record_id: int
    record_number: str


@dataclass
class BulkResult:
    out_dir: Path
    total: int
    files: list[Path] = field(default_factory=list)
    signed_now: int = 0
    from_store: int = 0
    problems: list[str] = field(default_factory=list)
    index_csv: Path | None = None
    index_xlsx: Path | None = None
    zip_path: Path | None = None
    cancelled: bool = False
    seconds: float = 0.0
    drawing: str = "here"  # who drew the PDFs: "here", "forked" or "spawned" workers


def _unit_ids(session: Any, code: str) -> list[int]:
    units = session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.code)).all()
    roots = [u.id for u in units if u.code.lower() == code.lower()]
    if not roots:
        known = ", ".join(sorted(u.code for u in units))
        if not known:
            raise ValidationFailed("--unit {code}: no such unit (known codes: none)", code=code)
        raise ValidationFailed(
            "--unit {code}: no such unit (known codes: {known})", code=code, known=known
        )
    found = set(roots)
    changed = True
    while changed:
        changed = False
        for u in units:
            if u.parent_id in found and u.id not in found:
                found.add(u.id)
                changed = True
    return sorted(found)


def find_records(ctx: AppContext, flt: ExportFilter) -> list[RecordRef]:
    """Completed (or signed) audits and appraisals past the draft stage, oldest first."""
    require(ctx.actor, Permission.EXPORT_PROTOCOLS)
    if flt.kind is not None:
        check_kind(flt.kind)
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationFailed("--from is after --to; swap the dates")
    from auditdesk.store import models

    refs: list[RecordRef] = []
    with ctx.db.session() as s:
        units = _unit_ids(s, flt.unit) if flt.unit else None
        audit = getattr(models, "Audit", None)
        if audit is not None and flt.kind in (None, "audit"):
            q = select(audit.id, audit.record_no, audit.visited_at).where(
                audit.status.in_(("completed", "signed"))
            )
            if units is not None:
                q = q.where(audit.unit_id.in_(units))
            if flt.date_from:
                q = q.where(audit.visited_at >= datetime.combine(flt.date_from, dtime.min))
            if flt.date_to:
                q = q.where(audit.visited_at <= datetime.combine(flt.date_to, dtime.max))
            refs += [
                RecordRef("audit", r.id, r.record_no)
                for r in s.execute(q.order_by(audit.visited_at, audit.id))
            ]
        appraisal = getattr(models, "Appraisal", None)
        if appraisal is not None and flt.kind in (None, "appraisal"):
            employee = models.Employee
            q = (
                select(appraisal.id, appraisal.record_number)
                .join(employee, employee.id == appraisal.employee_id)
                .where(appraisal.status != "draft")
            )
            if units is not None:
                q = q.where(employee.unit_id.in_(units))
            # appraisals are personal data: list only those the actor may read (an admin none)
            visible = appraisal_access.visible_employee_ids(s, ctx.actor)
            if visible is not None:
                q = q.where(appraisal.employee_id.in_(visible))
            when = appraisal.made_on
            if flt.date_from:
                q = q.where(when >= flt.date_from)
            if flt.date_to:
                q = q.where(when <= flt.date_to)
            refs += [
                RecordRef("appraisal", r.id, r.record_number)
                for r in s.execute(q.order_by(when, appraisal.id))
            ]
    return refs


def _write_atomic(path: Path, data: bytes, durable: bool = False) -> None:
    """Written under a temporary name, then renamed: a reader (or a crash) never sees half a
    file. `durable` also waits for the disk; protocols skip that (a thousand waits would
    starve the workers) and the export ends with one `_sync_folder` instead."""
    tmp = path.with_name(f".{path.name}.part")
    with open_private(tmp, "wb") as handle:
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
    replace_file(tmp, path)  # tried again while Windows has the file open (a viewer)


def _sync_folder(folder: Path) -> None:
    """Flushes the folder's new files and names to disk once, at the end of an export."""
    if hasattr(os, "sync"):
        os.sync()


class _Sink:
    """Where finished files go: the folder (each renamed into place) or one zip (renamed
    into place when complete, deleted when the export is cancelled or fails)."""

    def __init__(self, out_dir: Path, make_zip: bool) -> None:
        self.out_dir = out_dir
        self.names: set[str] = set()
        self.zip_path = out_dir / ZIP_NAME if make_zip else None
        self._zip: zipfile.ZipFile | None = None
        if self.zip_path is not None:
            self._zip_tmp = self.zip_path.with_name(f".{ZIP_NAME}.part")
            self._zip = zipfile.ZipFile(create_private(self._zip_tmp), "w", zipfile.ZIP_DEFLATED)

    def unique(self, stem: str) -> str:
        name, n = f"{stem}.pdf", 2
        while name in self.names:
            name, n = f"{stem}-{n}.pdf", n + 1
        self.names.add(name)
        return name

    def put(self, name: str, data: bytes) -> Path:
        if self._zip is not None:
            self._zip.writestr(name, data)
            return Path(name)
        target = self.out_dir / name
        _write_atomic(target, data)
        return target

    def finish(self) -> Path | None:
        if self._zip is None or self.zip_path is None:
            return None
        self._zip.close()
        replace_file(self._zip_tmp, self.zip_path)
        return self.zip_path

    def abandon(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip_tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Done:
    ref: RecordRef
    index: IndexEntry | None  # None when the record could not be read
    result: BatchResult | None  # None for a record whose signed bytes are stored
    problem: str = ""


def _pool(workers: int) -> ProcessPoolExecutor:
    """The workers, all started now: each starts an interpreter and imports the drawing code
    (~0.3-0.5 s), meanwhile this process reads the records."""
    # spawn, not fork: the caller may be the GUI with Qt threads running
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up
    )
    for _ in range(workers):
        pool.submit(ready)
    return pool


def _start_pool(
    to_render: int, workers: int, fork: bool | None = None
) -> ProcessPoolExecutor | None:
    """Workers when there are enough protocols to render for them to pay off, else None (this
    process renders). `fork`: whether workers may be forked (default: `can_fork()`)."""
    if workers < 2:
        return None
    if can_fork() if fork is None else fork:
        # forked before the drawing code is loaded: the workers load it (and openpyxl, for the
        # index) on the other cores while this process reads the records
        return early_pool(workers) if to_render >= FORKED_FROM else None
    if to_render < IN_PROCESS_BELOW:
        return None
    return _pool(workers)


def _stored_rows(ctx: AppContext, refs: list[RecordRef]) -> dict[tuple[str, int], Protocol]:
    found: dict[tuple[str, int], Protocol] = {}
    with ctx.db.session() as s:
        for kind in KINDS:
            ids = [r.record_id for r in refs if r.kind == kind]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for row in s.scalars(
                    select(Protocol).where(
                        Protocol.record_kind == kind,
                        Protocol.signed.is_(True),
                        Protocol.record_id.in_(chunk),
                    )
                ):
                    found[(kind, row.record_id)] = row
    return found


class _Writer:
    """Turns finished jobs into files and index rows. Signatures made now are stored (and the
    records locked) in batches, each before its files are written, so a file on disk is
    always the copy the database keeps."""

    BATCH = 25

    def __init__(
        self,
        ctx: AppContext,
        sink: _Sink,
        result: BulkResult,
        total: int,
        stored: dict[tuple[str, int], Protocol],
        level: str,
        report: Callable[[int, int, str], None],
    ) -> None:
        self.ctx, self.sink, self.result, self.total = ctx, sink, result, total
        self.stored, self.level, self.report = stored, level, report
        self.rows: list[IndexRow] = []
        self.batch: list[_Done] = []
        self.done = 0

    def add(self, item: _Done) -> None:
        if item.problem:
            self.result.problems.append(item.problem)
            self._count(item.ref)
            return
        self.batch.append(item)
        self._count(item.ref)
        if len(self.batch) >= self.BATCH:
            self.flush()

    def _count(self, ref: RecordRef) -> None:
        self.done += 1
        self.report(self.done, self.total, ref.record_number)

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        fresh = [d for d in batch if d.result is not None and d.result.signer]
        if fresh:
            store_signed_many(
                self.ctx,
                [
                    SignedPdf(
                        d.ref.kind,
                        d.ref.record_id,
                        d.ref.record_number,
                        d.result.pdf,
                        d.result.signer,
                        self.level,
                    )
                    for d in fresh
                    if d.result is not None
                ],
            )
            self.result.signed_now += len(fresh)
        for d in batch:
            ref, index = d.ref, d.index
            assert index is not None
            if d.result is None:
                row = self.stored[(ref.kind, ref.record_id)]
                pdf, digest, who = row.pdf or b"", row.sha256 or "", row.signer or ""
                self.result.from_store += 1
            else:
                pdf, digest, who = d.result.pdf, d.result.sha256, d.result.signer
            name = self.sink.unique(_stem(ref.record_number, ref.kind, ref.record_id))
            self.result.files.append(self.sink.put(name, pdf))
            self.rows.append(
                IndexRow(
                    ref.record_number,
                    ref.kind,
                    index.unit,
                    index.employee,
                    index.record_date,
                    index.result,
                    digest,
                    who,
                    name,
                )
            )


def export_all(
    ctx: AppContext,
    out_dir: Path,
    flt: ExportFilter,
    *,
    sign: SignOptions | None = None,
    make_zip: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    dialect: str = "pl",
    drawers: ProcessPoolExecutor | None = None,
) -> BulkResult:
    """Exports every matching protocol; signs unsigned ones when `sign` is given (which locks
    them, as signing one does); index.csv in the CSV `dialect` (domain.dialects). Worker
    processes (one per core) render and sign with a PKCS#12; this process reads, stores and
    writes, and signs on a token (whose session it holds for the whole export, the PIN checked
    first). `drawers`: drawing workers the caller forked early (`reports.batch.early_pool`),
    used whatever the number of protocols and shut down by the caller. Returns what was
    written; `cancelled` when stopped early."""
    started = time.perf_counter()
    check_dialect(dialect)
    refs = find_records(ctx, flt)
    stored = _stored_rows(ctx, refs)
    with ExitStack() as stack:
        workers = workers or os.cpu_count() or 1
        pool: ProcessPoolExecutor | None
        if drawers is not None:
            fork, pool = True, drawers
        else:
            fork = can_fork()
            pool = _start_pool(len(refs) - len(stored), workers, fork)
            if pool is not None:  # started before the signer is loaded and the records read
                stack.callback(pool.shutdown, wait=True, cancel_futures=True)
        token = _open_token(stack, sign)  # a card's key stays in this process
        signer = ""
        if sign is not None:
            from auditdesk.reports.signing import load_pkcs12_signer, signer_name

            if token is not None:
                signer = signer_name(token)
            elif isinstance(sign.source, Pkcs12Source):
                # fail before any work on a wrong password or unreadable file
                signer = signer_name(load_pkcs12_signer(sign.source.path, sign.source.password))
        private_dir(out_dir)
        result = BulkResult(out_dir, len(refs))
        result.drawing = "here" if pool is None else "forked" if fork else "spawned"
        report = on_progress or (lambda _d, _t, _x: None)
        stop = is_cancelled or (lambda: False)
        sink = _Sink(out_dir, make_zip)
        level = "B-T" if sign and sign.tsa_url else "B-B"
        writer = _Writer(ctx, sink, result, len(refs), stored, level, report)
        worker_sign = None if token is not None else sign

        def finish(done: BatchResult) -> BatchResult:
            if token is None or sign is None:
                return done
            return sign_rendered(done, token, sign)

        _run(
            ctx,
            refs,
            stored,
            writer,
            result,
            sink,
            worker_sign,
            finish,
            stop,
            pool,
            workers,
            # forked workers have openpyxl loaded (early_pool) and write the index themselves
            meanwhile=(lambda: None) if fork else load_xlsx_writer,
        )
        index_csv = index_xlsx = b""
        if not result.cancelled:
            index_csv = csv_bytes(writer.rows, dialect)
            if fork and pool is not None:
                index_xlsx = pool.submit(xlsx_bytes, writer.rows).result()
            else:
                index_xlsx = xlsx_bytes(writer.rows)
    if result.cancelled:
        sink.abandon()
        if make_zip:
            result.files = []
    else:
        if make_zip:
            sink.put("index.csv", index_csv)
            sink.put("index.xlsx", index_xlsx)
            result.zip_path = sink.finish()
        else:
            result.index_csv = out_dir / "index.csv"
            result.index_xlsx = out_dir / "index.xlsx"
            _write_atomic(result.index_csv, index_csv)
            _write_atomic(result.index_xlsx, index_xlsx)
    _sync_folder(out_dir)
    result.seconds = time.perf_counter() - started
    with ctx.db.session() as s:
        trail.record(
            s,
            ctx.actor,
            "export",
            "protocols",
            str(out_dir),
            after={
                "count": len(result.files),
                "signed": result.signed_now,
                "cancelled": result.cancelled,
                "filter": {
                    "from": str(flt.date_from or ""),
                    "to": str(flt.date_to or ""),
                    "unit": flt.unit or "",
                    "kind": flt.kind or "",
                },
                "signer": signer,
            },
        )
    return result


@dataclass(frozen=True)
class _Job:
    future: Future[BatchResult]
    ref: RecordRef
    index: IndexEntry


def _drain(
    queue: deque[_Done | _Job],
    writer: _Writer,
    finish: Callable[[BatchResult], BatchResult],
    block: bool = False,
) -> None:
    """Hands the writer what is finished at the front of the queue, in the records' order
    (file names, their "-2" suffixes and the index rows come out as when drawn in one process,
    whichever worker finishes first); `block` first waits up to 0.5 s for the front job."""
    if block and queue and isinstance(queue[0], _Job):
        wait([queue[0].future], timeout=0.5)
    while queue:
        front = queue[0]
        if isinstance(front, _Job):
            if not front.future.done():
                return
            writer.add(_Done(front.ref, front.index, finish(front.future.result())))
        else:
            writer.add(front)
        queue.popleft()


def _open_token(stack: ExitStack, sign: SignOptions | None) -> Signer | None:
    """The token's signer for the whole export (its PIN checked before any work), or None."""
    if sign is None or not isinstance(sign.source, Pkcs11Source):
        return None
    from auditdesk.reports.signing import pkcs11_signer

    src = sign.source
    return stack.enter_context(pkcs11_signer(src.module, src.token, src.key, src.pin))


def _run(
    ctx: AppContext,
    refs: list[RecordRef],
    stored: dict[tuple[str, int], Protocol],
    writer: _Writer,
    result: BulkResult,
    sink: _Sink,
    sign: SignOptions | None,
    finish: Callable[[BatchResult], BatchResult],
    stop: Callable[[], bool],
    pool: ProcessPoolExecutor | None,
    workers: int,
    meanwhile: Callable[[], None] = lambda: None,
) -> None:
    """Reads each record here, renders (and signs with a PKCS#12) in the pool, or here without
    one, and hands every finished file to the writer; `finish` signs on a token in this
    process. `meanwhile` runs once every record has gone to the pool, while the workers draw
    the last of them and this process would only wait (issue 14: the index's openpyxl is
    loaded then, not after the last protocol). The caller shuts the pool down."""
    report = writer.report
    queue: deque[_Done | _Job] = deque()
    try:
        report(0, len(refs), "")
        docs: dict[tuple[str, int], ProtocolDocument | AuditDeskError] = {}
        for n, ref in enumerate(refs):
            if stop():
                result.cancelled = True
                break
            if n % READ_CHUNK == 0:
                # the database is read here, in one process, in bulk (a few statements for a
                # chunk of records); workers only render and sign
                chunk = refs[n : n + READ_CHUNK]
                docs = build_documents(ctx, [(r.kind, r.record_id) for r in chunk])
            doc = docs.pop((ref.kind, ref.record_id))
            if isinstance(doc, AuditDeskError):
                queue.append(_Done(ref, None, None, f"{ref.kind} {ref.record_number}: {doc}"))
            else:
                if (ref.kind, ref.record_id) in stored:
                    queue.append(_Done(ref, doc.index, None))
                elif pool is None:
                    queue.append(_Done(ref, doc.index, finish(render_and_sign(doc, sign))))
                else:
                    queue.append(_Job(pool.submit(render_and_sign, doc, sign), ref, doc.index))
            _drain(queue, writer, finish)
            # a deep queue keeps the workers busy while this process stores a batch
            while len(queue) >= 8 * workers and not stop():
                _drain(queue, writer, finish, block=True)
        if pool is not None and queue and not stop():
            meanwhile()
        while queue and not stop():
            _drain(queue, writer, finish, block=True)
        if queue or stop():
            result.cancelled = True
        writer.flush()  # whatever finished is kept whole, also when cancelled
    except BaseException:
        sink.abandon()
        raise


__all__ = [
    "KINDS",
    "BulkResult",
    "ExportFilter",
    "RecordRef",
    "export_all",
    "find_records",
    "unit_choices",
]


def unit_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(code, name) of every unit, for the export dialog's unit filter."""
    require(ctx.actor, Permission.EXPORT_PROTOCOLS)
    with ctx.db.session() as s:
        return [
            (r.code, r.name)
            for r in s.execute(select(OrgUnit.code, OrgUnit.name).order_by(OrgUnit.code))
        ]
