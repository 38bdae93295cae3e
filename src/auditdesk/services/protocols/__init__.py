"""Protocols of audits and appraisals: export one, sign one (PAdES), drawn signatures, the lock
that signing puts on a record, and verification of a signed file against the database.

Once signed, a record is locked: its signed PDF and SHA-256 are stored here and every later
export returns exactly those bytes. The audits and appraisals services ask
`services.signatures` (`is_locked` / `require_unlocked`) before any change; the owner of each
kind of record is named in `SIGNED_HOOKS` and `build_document` (no module looked up by name).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, PermissionDenied, ValidationFailed
from auditdesk.reports.appraisal_protocol import appraisal_document
from auditdesk.reports.audit_protocol import audit_document
from auditdesk.reports.protocol_model import IndexEntry, ProtocolDocument
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.appraisals.protocol_data import appraisal_protocol_data_many
from auditdesk.services.audits.protocol_data import audit_protocol_data_many
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.signatures import RecordLocked as RecordLocked  # the lock, re-exported
from auditdesk.services.signatures import is_locked as is_locked
from auditdesk.services.signatures import protocol_row
from auditdesk.services.signatures import require_unlocked as require_unlocked
from auditdesk.store.base import utcnow
from auditdesk.store.models import DrawnSignature, EvidenceBlob, Protocol, Role

if TYPE_CHECKING:
    # Drawing (reportlab), signing and verifying (pyHanko, ~0.5 s) are imported by the functions
    # that use them (issue 14): a bulk export that hands the drawing to workers needs neither.
    from pyhanko.sign.signers import Signer

    from auditdesk.reports.verify import VerificationResult

KINDS = ("audit", "appraisal")
ROLES: dict[str, tuple[str, ...]] = {"audit": ("auditor",), "appraisal": ("appraiser", "employee")}
KIND_NAMES = {"audit": "audit", "appraisal": "appraisal"}
# who may put a cryptographic signature on a protocol (reading the record is checked by the
# owning service when it builds the protocol data)
SIGNERS: dict[str, frozenset[Role]] = {
    "audit": frozenset({Role.AUDITOR, Role.SUPERVISOR, Role.ADMIN}),
    "appraisal": frozenset({Role.SUPERVISOR, Role.HR}),
}
DEFAULT_REASON = {"audit": "Zatwierdzenie protokołu badania", "appraisal": "Zatwierdzenie oceny"}


@dataclass(frozen=True)
class ExportedProtocol:
    kind: str
    record_id: int
    record_number: str
    file_stem: str
    pdf: bytes
    sha256: str
    signed: bool
    signer: str
    signed_at: datetime | None
    index: IndexEntry | None  # None for stored signed bytes exported without rebuilding


@dataclass(frozen=True)
class ProtocolState:
    kind: str
    record_id: int
    signed: bool
    signer: str
    signed_at: datetime | None
    sha256: str
    roles_drawn: tuple[str, ...]


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationFailed(
            "kind {kind!r}: use one of {kinds}", kind=kind, kinds=", ".join(KINDS)
        )


def _is_system(ctx: AppContext) -> bool:
    return ctx.actor.user_id is None and ctx.actor.login == "system"


def _row(session: Session, kind: str, record_id: int) -> Protocol | None:
    return protocol_row(session, kind, record_id)


# What each owning service does when its record's protocol is signed (audits lock the record;
# appraisals are locked by `signatures.require_unlocked` alone). Named here, not looked up by
# building a module's name.
def _mark_audit_signed(session: Session, actor: Actor, record_id: int) -> object:
    """Locks the audit whose protocol was signed. Imported here, when a protocol is signed
    (issue 14): completing audits and their running totals are code an export of unsigned
    protocols never runs (~25 ms of its start)."""
    from auditdesk.services.audits.completion import mark_signed

    return mark_signed(session, actor, record_id)


SIGNED_HOOKS: dict[str, Callable[[Session, Actor, int], object]] = {"audit": _mark_audit_signed}


def build_document(ctx: AppContext, kind: str, record_id: int) -> ProtocolDocument:
    """The protocol's content from the owning service (which checks the actor may read it)."""
    check_kind(kind)
    found = build_documents(ctx, [(kind, record_id)])[(kind, record_id)]
    if isinstance(found, AuditDeskError):
        raise found
    return found


CHUNK = 500  # ids or digests per IN-list


def build_documents(
    ctx: AppContext, refs: Sequence[tuple[str, int]]
) -> dict[tuple[str, int], ProtocolDocument | AuditDeskError]:
    """The protocols' content read in bulk (issue 14): the owning services read their records a
    chunk at a time (`audit_protocol_data_many`, `appraisal_protocol_data_many`), and the drawn
    signatures and evidence images of all of them are read here in one statement per chunk.
    A record the actor may not read, or that does not exist, maps to its error (the owning
    service's), the others are still built. `build_document` is this with one record."""
    for kind, _ in refs:
        check_kind(kind)
    audit_ids = list(dict.fromkeys(i for k, i in refs if k == "audit"))
    appraisal_ids = list(dict.fromkeys(i for k, i in refs if k == "appraisal"))
    audits = audit_protocol_data_many(ctx, audit_ids) if audit_ids else {}
    appraisals = appraisal_protocol_data_many(ctx, appraisal_ids) if appraisal_ids else {}
    wanted = sorted(
        {
            e.sha256
            for data in audits.values()
            if not isinstance(data, AuditDeskError)
            for e in data.evidence
            if e.mime.lower().startswith("image/")
        }
    )
    with ctx.db.session() as s:
        drawn = {
            "audit": _drawn_many(s, "audit", audit_ids),
            "appraisal": _drawn_many(s, "appraisal", appraisal_ids),
        }
        images = _evidence_images(s, wanted)
    out: dict[tuple[str, int], ProtocolDocument | AuditDeskError] = {}
    for kind, record_id in refs:
        key = (kind, record_id)
        signatures = drawn[kind].get(record_id, {})
        if kind == "audit":
            audit_data = audits[record_id]
            if isinstance(audit_data, AuditDeskError):
                out[key] = audit_data
                continue
            digests = [e.sha256 for e in audit_data.evidence if e.mime.lower().startswith("image/")]
            own = {d: images[d] for d in digests if d in images}
            out[key] = audit_document(audit_data, signatures, own)
        else:
            appraisal_data = appraisals[record_id]
            out[key] = (
                appraisal_data
                if isinstance(appraisal_data, AuditDeskError)
                else appraisal_document(appraisal_data, signatures)
            )
    return out


def _drawn(session: Session, kind: str, record_id: int) -> dict[str, bytes]:
    return _drawn_many(session, kind, [record_id]).get(record_id, {})


def _drawn_many(session: Session, kind: str, ids: Sequence[int]) -> dict[int, dict[str, bytes]]:
    """The drawn signatures (role → PNG) of each record that has any."""
    found: dict[int, dict[str, bytes]] = {}
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(Protocol.record_id, DrawnSignature.role, DrawnSignature.png)
            .join(DrawnSignature, DrawnSignature.protocol_id == Protocol.id)
            .where(Protocol.record_kind == kind, Protocol.record_id.in_(ids[start : start + CHUNK]))
            .order_by(DrawnSignature.id)
        )
        for record_id, role, png in rows:
            found.setdefault(record_id, {})[role] = png
    return found


def _evidence_images(session: Session, digests: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for start in range(0, len(digests), CHUNK):
        rows = session.execute(
            select(EvidenceBlob.sha256, EvidenceBlob.data).where(
                EvidenceBlob.sha256.in_(digests[start : start + CHUNK])
            )
        )
        found.update((sha, data) for sha, data in rows)
    return found


def _stored(session: Session, kind: str, record_id: int) -> ExportedProtocol | None:
    row = _row(session, kind, record_id)
    if row is None or not row.signed or row.pdf is None:
        return None
    return ExportedProtocol(
        kind,
        record_id,
        row.record_number,
        _stem(row.record_number, kind, record_id),
        row.pdf,
        row.sha256 or "",
        True,
        row.signer or "",
        row.signed_at,
        None,
    )


def _stem(record_number: str, kind: str, record_id: int) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in record_number)
    return safe.strip(".-") or f"{kind}-{record_id}"


def export_protocol(
    ctx: AppContext, kind: str, record_id: int, *, preview: bool = False
) -> ExportedProtocol:
    """The protocol's PDF: the stored signed bytes when signed, else freshly (and
    deterministically) rendered from the record. An export is written to the audit trail;
    a preview on screen (`preview=True`) is not."""
    check_kind(kind)
    with ctx.db.session() as s:
        stored = _stored(s, kind, record_id)
    doc = build_document(ctx, kind, record_id)  # the owning service checks read access
    if stored is not None:
        result = stored
    else:
        from auditdesk.reports.protocol_pdf import render_protocol

        pdf = render_protocol(doc).pdf
        result = ExportedProtocol(
            kind,
            record_id,
            doc.record_number,
            doc.file_stem,
            pdf,
            hashlib.sha256(pdf).hexdigest(),
            False,
            "",
            None,
            doc.index,
        )
    if not preview:
        record_export(ctx, result)
    return result


def record_export(ctx: AppContext, exported: ExportedProtocol) -> None:
    """Notes in the audit trail that a protocol left the application (saved or printed)."""
    with ctx.db.session() as s:
        trail.record(
            s,
            ctx.actor,
            "export",
            "protocol",
            f"{exported.kind}:{exported.record_id}",
            after={"sha256": exported.sha256, "signed": exported.signed},
        )


def protocol_state(ctx: AppContext, kind: str, record_id: int) -> ProtocolState:
    check_kind(kind)
    with ctx.db.session() as s:
        row = _row(s, kind, record_id)
        if row is None:
            return ProtocolState(kind, record_id, False, "", None, "", ())
        return ProtocolState(
            kind,
            record_id,
            row.signed,
            row.signer or "",
            row.signed_at,
            row.sha256 or "",
            tuple(sorted(d.role for d in row.drawings)),
        )


def _ensure_row(session: Session, kind: str, record_id: int, record_number: str) -> Protocol:
    row = _row(session, kind, record_id)
    if row is None:
        row = Protocol(
            record_kind=kind, record_id=record_id, record_number=record_number, signed=False
        )
        session.add(row)
        session.flush()
    elif record_number:
        row.record_number = record_number
    return row


def save_drawn_signature(
    ctx: AppContext, kind: str, record_id: int, role: str, png: bytes | None
) -> None:
    """Stores (or with None, removes) the signature drawn for a role; refused once signed."""
    check_kind(kind)
    if role not in ROLES[kind]:
        raise ValidationFailed(
            "role {role!r}: a {kind} has signature blocks for {roles}",
            role=role,
            kind=kind,
            roles=", ".join(ROLES[kind]),
        )
    if png is not None and not png.startswith(b"\x89PNG"):
        raise ValidationFailed("the drawn signature must be a PNG image")
    doc = build_document(ctx, kind, record_id)  # read access, and the record number
    with ctx.db.session() as s:
        require_unlocked(s, kind, record_id)
        row = _ensure_row(s, kind, record_id, doc.record_number)
        existing = next((d for d in row.drawings if d.role == role), None)
        if png is None:
            if existing is not None:
                row.drawings.remove(existing)
                trail.record(
                    s, ctx.actor, "delete", "drawn_signature", f"{kind}:{record_id}:{role}"
                )
            return
        digest = hashlib.sha256(png).hexdigest()
        if existing is None:
            row.drawings.append(DrawnSignature(role=role, png=png, drawn_by=ctx.actor.login))
        else:
            existing.png = png
            existing.drawn_by = ctx.actor.login
            existing.drawn_at = utcnow()
        trail.record(
            s,
            ctx.actor,
            "draw",
            "drawn_signature",
            f"{kind}:{record_id}:{role}",
            after={"sha256": digest},
        )


def drawn_signatures(ctx: AppContext, kind: str, record_id: int) -> dict[str, bytes]:
    check_kind(kind)
    with ctx.db.session() as s:
        return _drawn(s, kind, record_id)


def _may_sign(ctx: AppContext, kind: str) -> None:
    if _is_system(ctx) or ctx.actor.role in SIGNERS[kind]:
        return
    raise PermissionDenied(
        "{login} ({role}) may not sign the protocol of an {kind}; ask the person who made it.",
        login=ctx.actor.login,
        role=ctx.actor.role.value,
        kind=kind,
    )


@dataclass(frozen=True)
class SignedPdf:
    """Signed bytes to keep for one record."""

    kind: str
    record_id: int
    record_number: str
    pdf: bytes
    signer: str
    level: str  # "B-B" or "B-T"


def _store_in(s: Session, ctx: AppContext, item: SignedPdf, now: datetime) -> ExportedProtocol:
    digest = hashlib.sha256(item.pdf).hexdigest()
    require_unlocked(s, item.kind, item.record_id)
    row = _ensure_row(s, item.kind, item.record_id, item.record_number)
    row.pdf = item.pdf
    row.sha256 = digest
    row.signed = True
    row.signer = item.signer
    row.signed_at = now
    row.signed_by = ctx.actor.login
    row.level = item.level
    hook = SIGNED_HOOKS.get(item.kind)
    if hook is not None:
        hook(s, ctx.actor, item.record_id)
    trail.record(
        s,
        ctx.actor,
        "sign",
        "protocol",
        f"{item.kind}:{item.record_id}",
        after={"sha256": digest, "signer": item.signer, "level": item.level},
    )
    return ExportedProtocol(
        item.kind,
        item.record_id,
        item.record_number,
        _stem(item.record_number, item.kind, item.record_id),
        item.pdf,
        digest,
        True,
        item.signer,
        now,
        None,
    )


def store_signed_many(ctx: AppContext, items: list[SignedPdf]) -> list[ExportedProtocol]:
    """Keeps signed bytes and locks the records, all in one transaction with their trail
    entries (a bulk export stores its signatures in batches)."""
    now = utcnow()
    with ctx.db.session() as s:
        return [_store_in(s, ctx, item, now) for item in items]


def store_signed(
    ctx: AppContext,
    doc_kind: str,
    record_id: int,
    record_number: str,
    pdf: bytes,
    signer: str,
    level: str,
) -> ExportedProtocol:
    """Keeps signed bytes and locks the record (one transaction, with the trail entry)."""
    return store_signed_many(
        ctx, [SignedPdf(doc_kind, record_id, record_number, pdf, signer, level)]
    )[0]


def sign_protocol(
    ctx: AppContext,
    kind: str,
    record_id: int,
    signer: Signer,
    *,
    reason: str = "",
    location: str = "",
    tsa_url: str = "",
) -> ExportedProtocol:
    """Renders the record's protocol, signs it (PAdES B-B, or B-T with a TSA), stores it and
    locks the record."""
    check_kind(kind)
    _may_sign(ctx, kind)
    with ctx.db.session() as s:
        require_unlocked(s, kind, record_id)
    doc = build_document(ctx, kind, record_id)
    from auditdesk.reports.protocol_pdf import render_protocol
    from auditdesk.reports.signing import SignRequest, sign_pdf, signer_name

    rendered = render_protocol(doc)
    request = SignRequest(reason or DEFAULT_REASON[kind], location, rendered.stamp, tsa_url)
    pdf = sign_pdf(rendered.pdf, signer, request)
    result = store_signed(
        ctx,
        kind,
        record_id,
        doc.record_number,
        pdf,
        signer_name(signer),
        "B-T" if tsa_url else "B-B",
    )
    return ExportedProtocol(
        result.kind,
        record_id,
        doc.record_number,
        doc.file_stem,
        pdf,
        result.sha256,
        True,
        result.signer,
        result.signed_at,
        doc.index,
    )


def sign_with_pkcs12(
    ctx: AppContext, kind: str, record_id: int, p12: Path, password: bytes, **options: str
) -> ExportedProtocol:
    from auditdesk.reports.signing import load_pkcs12_signer

    return sign_protocol(ctx, kind, record_id, load_pkcs12_signer(p12, password), **options)


@contextmanager
def _token(module: str, token: str, key: str, pin: str) -> Iterator[Signer]:
    from auditdesk.reports.signing import pkcs11_signer

    with pkcs11_signer(module, token, key, pin) as signer:
        yield signer


def sign_with_pkcs11(
    ctx: AppContext,
    kind: str,
    record_id: int,
    *,
    module: str,
    token: str,
    key: str,
    pin: str,
    **options: str,
) -> ExportedProtocol:
    with _token(module, token, key, pin) as signer:
        return sign_protocol(ctx, kind, record_id, signer, **options)


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    result: VerificationResult
    stored_as: str  # "audit TK/2026/0001" when the file is the stored copy, else ""
    db_checked: bool

    @property
    def exit_code(self) -> int:
        return 0 if self.result.intact else 1


def verify_protocol_file(
    ctx: AppContext | None, path: Path, trust: list[Path] | None = None
) -> VerifyReport:
    """Checks the file's signatures and, with a database, whether it is the stored copy."""
    from auditdesk.reports.verify import load_trust_roots, verify_file

    roots = load_trust_roots(trust) if trust else None
    result = verify_file(path, roots)
    stored_as = ""
    if ctx is not None:
        with ctx.db.session() as s:
            row = s.scalar(
                select(Protocol).where(Protocol.sha256 == result.sha256, Protocol.signed.is_(True))
            )
            if row is not None:
                stored_as = f"{row.record_kind} {row.record_number or row.record_id}"
    return VerifyReport(path, result, stored_as, ctx is not None)


ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SignedRow:
    """One signed protocol, as the protocols panel lists it."""

    kind: str
    record_id: int
    record_number: str
    signer: str
    signed_at: datetime | None
    signed_by: str
    level: str
    sha256: str


def list_signed(ctx: AppContext, limit: int = 5000) -> list[SignedRow]:
    """The signed protocols, newest first (HR and administrators: a register of signatures)."""
    require(ctx.actor, Permission.EXPORT_PROTOCOLS)
    with ctx.db.session() as s:
        rows = s.execute(
            select(
                Protocol.record_kind,
                Protocol.record_id,
                Protocol.record_number,
                Protocol.signer,
                Protocol.signed_at,
                Protocol.signed_by,
                Protocol.level,
                Protocol.sha256,
            )
            .where(Protocol.signed.is_(True))
            .order_by(Protocol.signed_at.desc(), Protocol.id.desc())
            .limit(limit)
        ).all()
    return [
        SignedRow(r[0], r[1], r[2], r[3] or "", r[4], r[5] or "", r[6] or "", r[7] or "")
        for r in rows
    ]
