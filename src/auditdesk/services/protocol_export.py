"""Bulk export of protocols for HR: every matching record as a PDF named by its record number,
plus index.csv and index.xlsx, optionally signed and zipped.

Rendering and signing run in a pool of worker processes (one per CPU core); the database work
stays in this process. Every file is written under a temporary name and renamed when complete,
so a cancelled or crashed export leaves only whole files behind.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from auditdesk.domain.errors import AuditDeskError, ValidationFailed
from auditdesk.reports.batch import BatchResult, SignOptions, render_and_sign, warm_up
from auditdesk.reports.index_files import IndexRow, csv_bytes, xlsx_bytes
from auditdesk.reports.signing import load_pkcs12_signer, signer_name
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.protocols import (
    KINDS,
    _row,
    _stem,
    build_document,
    check_kind,
    store_signed,
)
from auditdesk.store.models import OrgUnit

ZIP_NAME = "protokoly.zip"
IN_PROCESS_BELOW = 4  # a pool's start-up costs more than it saves on a handful


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


def _unit_ids(session: Any, code: str) -> list[int]:
    units = session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.code)).all()
    roots = [u.id for u in units if u.code.lower() == code.lower()]
    if not roots:
        known = ", ".join(sorted(u.code for u in units)) or "none"
        raise ValidationFailed(f"--unit {code}: no such unit (known codes: {known})")
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


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


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
            self._zip = zipfile.ZipFile(self._zip_tmp, "w", zipfile.ZIP_DEFLATED)

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
        os.replace(self._zip_tmp, self.zip_path)
        return self.zip_path

    def abandon(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip_tmp.unlink(missing_ok=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: the caller may be the GUI with Qt threads running
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up
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
) -> BulkResult:
    """Exports every matching protocol; signs unsigned ones when `sign` is given (which locks
    them, as signing one does). Returns what was written; `cancelled` when stopped early."""
    started = time.perf_counter()
    refs = find_records(ctx, flt)
    if sign is not None:
        # fail before any work on a wrong password or unreadable file
        signer = signer_name(load_pkcs12_signer(sign.source.path, sign.source.password))
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BulkResult(out_dir, len(refs))
    report = on_progress or (lambda _d, _t, _x: None)
    stop = is_cancelled or (lambda: False)
    sink = _Sink(out_dir, make_zip)
    rows: list[IndexRow] = []
    workers = workers or os.cpu_count() or 1
    pool = _pool(workers) if len(refs) >= IN_PROCESS_BELOW and workers > 1 else None
    pending: dict[Future[BatchResult], tuple[RecordRef, Any]] = {}
    done = 0

    def finish_one(ref: RecordRef, index: Any, res: BatchResult, stored_by: str = "") -> None:
        """stored_by: the signer of bytes that come from the database (nothing to store)."""
        nonlocal done
        pdf, digest, who = res.pdf, res.sha256, res.signer or stored_by
        if res.signer:
            stored = store_signed(
                ctx,
                ref.kind,
                ref.record_id,
                ref.record_number,
                pdf,
                who,
                "B-T" if sign and sign.tsa_url else "B-B",
            )
            digest = stored.sha256
            result.signed_now += 1
        name = sink.unique(_stem(ref.record_number, ref.kind, ref.record_id))
        result.files.append(sink.put(name, pdf))
        rows.append(
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
        done += 1
        report(done, len(refs), ref.record_number)

    try:
        report(0, len(refs), "")
        for ref in refs:
            if stop():
                result.cancelled = True
                break
            try:
                doc = build_document(ctx, ref.kind, ref.record_id)
            except AuditDeskError as exc:
                result.problems.append(f"{ref.kind} {ref.record_number}: {exc}")
                done += 1
                report(done, len(refs), ref.record_number)
                continue
            with ctx.db.session() as s:
                row = _row(s, ref.kind, ref.record_id)
                stored_pdf, stored_meta = None, ("", "")
                if row is not None and row.signed:
                    stored_pdf, stored_meta = row.pdf, (row.sha256 or "", row.signer or "")
            if stored_pdf is not None:
                result.from_store += 1
                finish_one(
                    ref,
                    doc.index,
                    BatchResult(ref.kind, ref.record_id, stored_pdf, stored_meta[0], ""),
                    stored_by=stored_meta[1],
                )
                continue
            if pool is None:
                finish_one(ref, doc.index, render_and_sign(doc, sign))
                continue
            pending[pool.submit(render_and_sign, doc, sign)] = (ref, doc.index)
            while len(pending) >= 3 * workers:
                _collect(pending, finish_one, FIRST_COMPLETED)
        while pending and not stop():
            _collect(pending, finish_one, FIRST_COMPLETED)
        if pending:
            result.cancelled = True
    except BaseException:
        sink.abandon()
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if result.cancelled:
        sink.abandon()
        result.files = [] if make_zip else result.files
    else:
        index_csv, index_xlsx = csv_bytes(rows), xlsx_bytes(rows)
        if make_zip:
            sink.put("index.csv", index_csv)
            sink.put("index.xlsx", index_xlsx)
            result.zip_path = sink.finish()
        else:
            result.index_csv = out_dir / "index.csv"
            result.index_xlsx = out_dir / "index.xlsx"
            _write_atomic(result.index_csv, index_csv)
            _write_atomic(result.index_xlsx, index_xlsx)
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
                "signer": signer if sign is not None else "",
            },
        )
    return result


def _collect(
    pending: dict[Future[BatchResult], tuple[RecordRef, Any]],
    finish_one: Callable[[RecordRef, Any, BatchResult], None],
    how: str,
) -> None:
    finished, _ = wait(list(pending), return_when=how)
    for fut in finished:
        ref, index = pending.pop(fut)
        finish_one(ref, index, fut.result())


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
