"""Evidence of an audit: files attached to a draft or one of its items, stored once by SHA-256
and checked against it when read."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from auditdesk.domain.errors import (
    AuditDeskError,
    Localized,
    NotFound,
    ValidationFailed,
)
from auditdesk.domain.limits import InputRefused, read_bounded
from auditdesk.services import trail
from auditdesk.services.audits.access import get_editable, get_visible
from auditdesk.services.audits.scoring import checklist_of
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Evidence,
    EvidenceBlob,
)

DEFAULT_EVIDENCE_LIMIT = 50 * 1024 * 1024


class EvidenceTooLarge(ValidationFailed):
    """An evidence file is above the configured size limit."""


class EvidenceCorrupt(AuditDeskError):
    """Stored evidence bytes do not match their SHA-256."""


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    item_id: str | None
    file_name: str
    mime: str
    size: int
    sha256: str
    caption: str
    added_at: datetime


def _evidence_info(e: Evidence) -> EvidenceInfo:
    return EvidenceInfo(
        e.id, e.item_id, e.file_name, e.mime, e.size, e.sha256, e.caption, e.added_at
    )


def store_blob(session: Session, data: bytes) -> str:
    """Stores the bytes once, by their SHA-256. Two people attaching the same file at the same
    moment on the office store (issue 16: found by benchmarks/bench_office.py) both found no
    row and both inserted it; the second got a duplicate-key error. The insert now does nothing
    when the row exists, on PostgreSQL after waiting for the other transaction."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(EvidenceBlob, digest) is not None:
        return digest
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        session.execute(
            insert(EvidenceBlob)
            .values(sha256=digest, size=len(data), data=data)
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
    else:
        session.add(EvidenceBlob(sha256=digest, size=len(data), data=data))
    return digest


def add_evidence(
    ctx: AppContext,
    audit_id: int,
    path: Path,
    *,
    item_id: str | None = None,
    caption: str = "",
    max_bytes: int = DEFAULT_EVIDENCE_LIMIT,
) -> EvidenceInfo:
    """Attaches a file (photo, recording, PDF, anything) to a draft audit or one of its items."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationFailed(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    if size > max_bytes:
        raise EvidenceTooLarge(
            "{file}: {size_mb:.1f} MB is above the limit of "
            "{limit_mb:.0f} MB; shrink the file or raise the limit in Settings.",
            file=path.name,
            size_mb=size / 1048576,
            limit_mb=max_bytes / 1048576,
        )
    # the size above may be stale (a file still being written) or absent (a device, a pipe):
    # the read itself stops one byte past the limit
    try:
        data = read_bounded(path, max_bytes, Localized("evidence file", "plik dowodu"))
    except OSError as exc:
        raise ValidationFailed(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    except InputRefused as exc:
        raise EvidenceTooLarge(
            "{file}: larger than the limit of {limit_mb:.0f} MB; shrink the file or raise "
            "the limit in Settings.",
            file=path.name,
            limit_mb=max_bytes / 1048576,
        ) from exc
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with ctx.db.session() as s:
        audit = get_editable(s, ctx.actor, audit_id)
        if item_id is not None and checklist_of(s, audit.form_version_id).item(item_id) is None:
            raise ValidationFailed("item {item!r} is not in this audit's form", item=item_id)
        digest = store_blob(s, data)
        evidence = Evidence(
            file_name=path.name[:255],
            mime=mime,
            size=len(data),
            sha256=digest,
            caption=caption[:300],
            item_id=item_id,
            added_by=ctx.actor.login,
        )
        audit.evidence.append(evidence)
        audit.updated_at = utcnow()
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "attach",
            "audit",
            audit.id,
            after={"file": evidence.file_name, "sha256": digest, "item": item_id},
        )
        return _evidence_info(evidence)


def evidence_bytes(ctx: AppContext, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
    """The file of an evidence record, checked against its SHA-256."""
    with ctx.db.session() as s:
        evidence = s.get(Evidence, evidence_id)
        if evidence is None:
            raise NotFound("evidence #{evidence_id} does not exist", evidence_id=evidence_id)
        get_visible(s, ctx.actor, evidence.audit_id)
        blob = s.get(EvidenceBlob, evidence.sha256)
        if blob is None or hashlib.sha256(blob.data).hexdigest() != evidence.sha256:
            raise EvidenceCorrupt(
                "evidence {file!r} (#{evidence_id}): the stored bytes do not "
                "match their SHA-256; restore the database from a backup.",
                file=evidence.file_name,
                evidence_id=evidence.id,
            )
        return _evidence_info(evidence), bytes(blob.data)


def remove_evidence(ctx: AppContext, evidence_id: int) -> None:
    with ctx.db.session() as s:
        evidence = s.get(Evidence, evidence_id)
        if evidence is None:
            raise NotFound("evidence #{evidence_id} does not exist", evidence_id=evidence_id)
        audit = get_editable(s, ctx.actor, evidence.audit_id)
        audit.evidence.remove(evidence)
        audit.updated_at = utcnow()
        trail.record(
            s,
            ctx.actor,
            "detach",
            "audit",
            audit.id,
            before={"file": evidence.file_name, "sha256": evidence.sha256},
        )
