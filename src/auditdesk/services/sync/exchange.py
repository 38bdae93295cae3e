"""The exchange of records between an auditor's laptop and the office store.

Records are known by their uid and ordered by their versions (the optimistic-concurrency
counter every audit carries), never by wall time: `sync_record` keeps, per office, the version
each side had when they last agreed. For each of the auditor's audits:

- the same state on both sides → in step (the versions agreed on are noted);
- changed on one side only since they last agreed → that state goes to the other side, through
  the editor's functions (services.audits.transfer: `import_record` for a new record,
  `replace_draft` for a newer state of a draft); a completed or signed copy is locked and is
  never replaced, so completed records travel once;
- changed on both sides, or different when first met → a conflict (`sync_conflict`) with both
  states, listed until a person chooses one (`resolve_conflict`), applied by the next run;
- known (in `sync_record`) but gone from one side → deleted there: the deletion travels as a
  tombstone to the other side when that copy is an unchanged draft, else it is a conflict.

Every record is applied in its own transaction. A record written on the laptop is written with
its `sync_record` in the same transaction; one written at the office is committed there first
and noted on the laptop after, and a run interrupted in between finds both states equal next
time and only notes them: an interrupted run is finished by the next one without duplicates.
Decisions on the auditor's disputes come from the office the same way (kind "dispute"), and
the visits planned for the auditor after the audits (services.sync.visits: the office's plan
copied, an audit started on the laptop from a planned visit linked to the office's visit).
"""

from __future__ import annotations

import hashlib
import json
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, PermissionDenied, ValidationFailed
from auditdesk.services import trail
from auditdesk.services.audits import delete_draft
from auditdesk.services.audits.transfer import (
    audit_payload,
    audit_state,
    import_record,
    replace_draft,
    same_identity,
)
from auditdesk.services.context import Actor, AppContext, Database
from auditdesk.services.sync.reference import (
    Reference,
    ReferenceCounts,
    apply_reference,
    read_reference,
)
from auditdesk.services.sync.visits import (
    PlanCopy,
    PlanCounts,
    VisitNote,
    apply_plan,
    link_at_office,
    read_plan,
    started_here,
)
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    AuditDispute,
    AuditLogEntry,
    Role,
    SyncConflict,
    SyncNode,
    SyncPeer,
    SyncRecord,
    SyncTombstone,
    User,
)

Progress = Callable[[int, int, str], None]


class SyncFailed(AuditDeskError):
    """The exchange could not start or go on (no account, an unknown office, …)."""


@dataclass
class SyncReport:
    office: str = ""
    reference: ReferenceCounts = field(default_factory=ReferenceCounts)
    sent: list[str] = field(default_factory=list)  # laptop → office (new or newer state)
    received: list[str] = field(default_factory=list)  # office → laptop
    deleted: list[str] = field(default_factory=list)  # tombstones applied (either way)
    in_step: int = 0  # already the same on both sides
    conflicts: list[str] = field(default_factory=list)  # listed, nothing overwritten
    refused: list[str] = field(default_factory=list)  # the editor's rules refused it
    disputes: int = 0  # decisions on disputes brought to the laptop
    # the auditor's planned visits copied from the office (added, changed, removed, kept)
    visits: PlanCounts = field(default_factory=PlanCounts)
    linked: list[str] = field(default_factory=list)  # audits tied to the office's visit
    unlinked: list[VisitNote] = field(
        default_factory=list
    )  # started from a visit the office closed
    cancelled: bool = False
    # laptop → office records found by importing an office package: they travel in the
    # laptop's next package (services.sync.package), nothing is written at the office now
    waiting: list[str] = field(default_factory=list)


# --- identities -------------------------------------------------------------------------------


def node_of(s: Session, default_name: str) -> SyncNode:
    """This database's sync identity, made the first time it is asked for."""
    node = s.get(SyncNode, 1)
    if node is None:
        node = SyncNode(id=1, uid=str(uuid.uuid4()), name=default_name[:120])
        s.add(node)
        s.flush()
    return node


def laptop_name() -> str:
    return socket.gethostname() or "laptop"


def _state(p: dict[str, Any]) -> str:
    """What a record says (services.audits.transfer.audit_state), an empty text answer and no
    answer being the same (the editor stores either)."""
    answers = [{**a, "value": a["value"] if a["value"] != "" else None} for a in p["answers"]]
    return audit_state({**p, "answers": answers})


def _sha(p: dict[str, Any]) -> str:
    return hashlib.sha256(_state(p).encode("utf-8")).hexdigest()


def _brief(p: dict[str, Any] | None) -> str | None:
    """A conflict's side as stored: the record without the bytes of its evidence."""
    if p is None:
        return None
    slim = dict(p)
    slim["evidence"] = [
        {k: v for k, v in e.items() if k != "data_base64"} for e in p.get("evidence", [])
    ]
    return json.dumps(slim, ensure_ascii=False, sort_keys=True)


# --- the run ----------------------------------------------------------------------------------


@dataclass
class _Side:
    db: Database
    actor: Actor
    user_id: int
    where: str  # how the trail names the other side
    # the office's records read from a file package (uid → payload): the office is read from
    # here and written nothing (services.sync.package); None for a live office store
    packed: dict[str, dict[str, Any]] | None = None

    @property
    def ctx(self) -> AppContext:
        return AppContext(self.db, self.actor)


def synchronise(
    laptop: Database,
    office: AppContext,
    *,
    office_name: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """One exchange between `laptop` and the office store, as the auditor signed in at the
    office (`office.actor`). Safe to interrupt at any point and to run again."""
    step = progress or (lambda _d, _t, _x: None)
    stop = cancelled or (lambda: False)
    report = SyncReport(office=office_name)
    login = office.actor.login
    if office.actor.role != Role.AUDITOR:
        raise PermissionDenied(
            "{login} is not an auditor; a laptop synchronises an auditor's own records",
            login=login,
        )
    step(0, 0, "reference")
    with office.db.session() as s:
        office_uid = node_of(s, "office").uid
        ref = read_reference(s, login)
        watermark = s.scalar(select(func.max(AuditLogEntry.id))) or 0
        office_user = s.scalar(select(User.id).where(User.login == login))
    assert office_user is not None
    off = _Side(office.db, office.actor, office_user, "")
    return run_exchange(
        laptop, off, office_uid, ref, watermark, report=report, progress=step, cancelled=stop
    )


def run_exchange(
    laptop: Database,
    off: _Side,
    office_uid: str,
    ref: Reference,
    watermark: int,
    *,
    report: SyncReport,
    progress: Progress,
    cancelled: Callable[[], bool],
    disputes: list[tuple[str, str, dict[str, Any]]] | None = None,
    plan: PlanCopy | None = None,
) -> SyncReport:
    """The laptop's half of an exchange with the office `off` (a live store, or a package's
    records when `off.packed` is set, with the package's `disputes` and `plan`: None when the
    package carries no plan, which leaves the laptop's copies as they are), whose reference
    data `ref` was read at `watermark`: the same steps and the same writes both ways."""
    step, stop = progress, cancelled
    office_name = report.office
    login = ref.account["login"]
    with laptop.session() as s:
        node = node_of(s, laptop_name())
        if node.uid == office_uid:
            raise SyncFailed("the office store and the laptop are the same database")
        here = f"laptop {node.name} ({node.uid[:8]})"
        there = f"office {office_name}"
        peer = s.get(SyncPeer, office_uid)
        if peer is None:
            s.add(SyncPeer(uid=office_uid, name=office_name[:300], watermark=0, runs=0))
        system = Actor.system()
        report.reference = apply_reference(s, Actor(None, login, system.role), ref, there)
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        lap = _Side(laptop, Actor.of(user), user.id, there)
    off.where = here

    uids = _uids(lap, off, office_uid)
    for n, uid in enumerate(uids, 1):
        if stop():
            report.cancelled = True
            return report
        step(n, len(uids), uid)
        try:
            _one(lap, off, office_uid, uid, report)
        except (ValidationFailed, PermissionDenied) as exc:
            report.refused.append(f"{uid}: {exc}")
    if stop():
        report.cancelled = True
        return report
    states = disputes if off.packed is not None else dispute_states(off.db, off.user_id)
    report.disputes = _apply_disputes(lap, office_uid, states or [])
    if off.packed is None:
        plan = _link_and_read_plan(lap, off, office_uid, report)
    if plan is not None:
        with laptop.session() as s:
            report.visits = apply_plan(s, lap.actor, office_uid, lap.user_id, plan, there)
    with laptop.session() as s:
        peer = s.get(SyncPeer, office_uid)
        assert peer is not None
        peer.watermark = max(peer.watermark, watermark)
        peer.runs += 1
        peer.last_sync_at = utcnow()
        trail.record(
            s,
            lap.actor,
            "sync",
            "office",
            office_uid,
            after={
                "with": there,
                "sent": len(report.sent),
                "received": len(report.received),
                "deleted": len(report.deleted),
                "conflicts": len(report.conflicts),
                "refused": len(report.refused),
                "watermark": peer.watermark,
            },
        )
    step(len(uids), len(uids), "")
    return report


def _link_and_read_plan(lap: _Side, off: _Side, peer: str, report: SyncReport) -> PlanCopy:
    """At the office: the visits started on the laptop linked to their audits (now there),
    then the auditor's plan read, in one office transaction."""
    with lap.db.session() as s:
        started = started_here(s, peer)
    with off.db.session() as s:
        report.linked, report.unlinked = link_at_office(
            s, off.actor, off.user_id, off.where, started
        )
        return read_plan(s, off.user_id)


def _uids(lap: _Side, off: _Side, peer: str) -> list[str]:
    """Every audit of the auditor on either side, and every one exchanged before; originals
    before their re-audits and amendments (which name them by uid)."""
    order: dict[str, int] = {}
    with lap.db.session() as s:
        for uid, original in s.execute(
            select(Audit.uid, Audit.original_id).where(Audit.auditor_id == lap.user_id)
        ):
            order[uid] = 1 if original else 0
        for uid in s.scalars(
            select(SyncRecord.uid).where(SyncRecord.peer_uid == peer, SyncRecord.kind == "audit")
        ):
            order.setdefault(uid, 0)
    if off.packed is not None:
        for uid, p in off.packed.items():
            order[uid] = max(order.get(uid, 0), 1 if p.get("original_uid") else 0)
        return sorted(order, key=lambda u: (order[u], u))
    with off.db.session() as s:
        for uid, original in s.execute(
            select(Audit.uid, Audit.original_id).where(Audit.auditor_id == off.user_id)
        ):
            order[uid] = max(order.get(uid, 0), 1 if original else 0)
    return sorted(order, key=lambda u: (order[u], u))


def _payload(db: Database, uid: str) -> dict[str, Any] | None:
    with db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        return audit_payload(s, audit, with_evidence=True) if audit is not None else None


def _office_payload(off: _Side, uid: str) -> dict[str, Any] | None:
    return off.packed.get(uid) if off.packed is not None else _payload(off.db, uid)


def _one(lap: _Side, off: _Side, peer: str, uid: str, report: SyncReport) -> None:
    lp, op = _payload(lap.db, uid), _office_payload(off, uid)
    with lap.db.session() as s:
        rec = s.get(SyncRecord, (peer, "audit", uid))
        base = (rec.local_version, rec.office_version) if rec else None
        agreed = rec.content_sha256 if rec else None
        choice = s.scalar(
            select(SyncConflict)
            .where(SyncConflict.peer_uid == peer, SyncConflict.uid == uid)
            .where(SyncConflict.resolution.is_not(None), SyncConflict.applied_at.is_(None))
            .order_by(SyncConflict.id.desc())
            .limit(1)
        )
        resolution = (choice.id, choice.resolution) if choice else None
        open_conflict = s.scalar(
            select(SyncConflict.id).where(
                SyncConflict.peer_uid == peer,
                SyncConflict.uid == uid,
                SyncConflict.resolution.is_(None),
            )
        )
    name = (lp or op or {}).get("record_no", uid)
    if lp is None and op is None:
        if base is not None:
            with lap.db.session() as s:
                s.delete(s.get(SyncRecord, (peer, "audit", uid)))
        return
    if lp is not None and op is not None and _state(lp) == _state(op):
        _note(lap, peer, uid, lp, op)
        _close(lap, resolution)
        report.in_step += 1
        return
    # changed since they agreed: a newer version saying something else (sealing a record on
    # commit moves its version without changing what it says)
    l_changed, o_changed = changed_since(lp, op, base, agreed)
    if resolution is not None:
        keep = resolution[1]
        l_changed, o_changed = keep == "laptop", keep == "office"
    elif open_conflict is not None:
        report.conflicts.append(f"{name}: still in conflict #{open_conflict}")
        return
    if lp is not None and op is None:
        if base is None and off.packed is not None:
            report.waiting.append(name)  # the office imports it from the laptop's package
            return
        if base is None:
            _send_new(lap, off, peer, uid, lp)
            report.sent.append(name)
        elif not l_changed and lp["status"] == "draft":
            _delete_on_laptop(lap, peer, uid, base)
            report.deleted.append(f"{name} (deleted at the office)")
        else:
            _conflict(lap, peer, uid, lp, None, "deleted at the office, changed on the laptop")
            report.conflicts.append(f"{name}: deleted at the office, changed on the laptop")
        _close(lap, resolution)
        return
    if op is not None and lp is None:
        if base is None:
            _receive_new(lap, peer, uid, op)
            report.received.append(name)
        elif not o_changed and op["status"] == "draft" and off.packed is not None:
            report.waiting.append(f"{name} (deleted on the laptop)")
            return
        elif not o_changed and op["status"] == "draft":
            _delete_at_office(lap, off, peer, uid, op, base)
            report.deleted.append(f"{name} (deleted on the laptop)")
        else:
            _conflict(lap, peer, uid, None, op, "deleted on the laptop, changed at the office")
            report.conflicts.append(f"{name}: deleted on the laptop, changed at the office")
        _close(lap, resolution)
        return
    assert lp is not None and op is not None
    if l_changed and o_changed:
        why = (
            "changed on the laptop and at the office since the last exchange"
            if base is not None
            else "met for the first time with different contents"
        )
        _conflict(lap, peer, uid, lp, op, why)
        report.conflicts.append(f"{name}: {why}")
        return
    if l_changed and off.packed is not None and op["status"] == "draft":
        report.waiting.append(name)  # the office applies it from the laptop's package
        return
    if l_changed:
        if op["status"] != "draft" or not _replaceable(off.db, uid, lp):
            _conflict(lap, peer, uid, lp, op, "the office's copy is locked or differs in kind")
            report.conflicts.append(f"{name}: the office's copy is {op['status']}")
            return
        _send_newer(lap, off, peer, uid, lp)
        report.sent.append(name)
    else:
        if lp["status"] != "draft" or not _replaceable(lap.db, uid, op):
            _conflict(lap, peer, uid, lp, op, "the laptop's copy is locked or differs in kind")
            report.conflicts.append(f"{name}: the laptop's copy is {lp['status']}")
            return
        _receive_newer(lap, peer, uid, op)
        report.received.append(name)
    _close(lap, resolution)


def changed_since(
    lp: dict[str, Any] | None,
    op: dict[str, Any] | None,
    base: tuple[int, int] | None,
    agreed: str | None,
) -> tuple[bool, bool]:
    """Whether the laptop's and the office's states changed since both sides agreed on the
    versions `base` (laptop, office) holding the state hashed `agreed`: a newer version saying
    something else (sealing a record on commit moves its version without changing what it
    says); a record never agreed on, or gone, has changed."""
    l_changed = base is None or lp is None or (lp["version"] != base[0] and _sha(lp) != agreed)
    o_changed = base is None or op is None or (op["version"] != base[1] and _sha(op) != agreed)
    return l_changed, o_changed


def _replaceable(db: Database, uid: str, p: dict[str, Any]) -> bool:
    with db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        return audit is not None and same_identity(s, audit, p)


def _sync_entry(s: Session, actor: Actor, audit: Audit, where: str, result: str) -> None:
    trail.record(
        s,
        actor,
        "sync",
        "audit",
        audit.id,
        after={
            "uid": audit.uid,
            "record_no": audit.record_no,
            "from": where,
            "result": result,
            "version": audit.version,
        },
    )


def _note(lap: _Side, peer: str, uid: str, lp: dict[str, Any], op: dict[str, Any]) -> None:
    """Both sides hold the same state: remember the versions they agree on."""
    with lap.db.session() as s:
        _remember(s, peer, uid, lp, op)


def _remember(s: Session, peer: str, uid: str, lp: dict[str, Any], op: dict[str, Any]) -> None:
    audit = s.scalar(select(Audit).where(Audit.uid == uid))
    assert audit is not None
    s.flush()
    rec = s.get(SyncRecord, (peer, "audit", uid))
    if rec is None:
        rec = SyncRecord(peer_uid=peer, kind="audit", uid=uid)
        s.add(rec)
    rec.local_id = audit.id
    rec.local_version = audit.version if lp is None else lp["version"]
    rec.office_version = op["version"]
    rec.content_sha256 = _sha(op)
    rec.synced_at = utcnow()


def write_new_at_office(s: Session, off: _Side, uid: str, lp: dict[str, Any]) -> Audit:
    """The laptop's new record written at the office (the audit import's write path)."""
    audit = import_record(s, off.ctx, lp, f"{lp['record_no']} (uid {uid})")
    _sync_entry(s, off.actor, audit, off.where, "sent")
    return audit


def write_newer_at_office(s: Session, off: _Side, audit: Audit, lp: dict[str, Any]) -> None:
    """A newer state of the laptop's draft replacing the office's draft."""
    replace_draft(s, off.ctx, audit, lp)
    _sync_entry(s, off.actor, audit, off.where, "replaced")


def _send_new(lap: _Side, off: _Side, peer: str, uid: str, lp: dict[str, Any]) -> None:
    with off.db.session() as s:
        write_new_at_office(s, off, uid, lp)
    op = _payload(off.db, uid)
    assert op is not None
    _note(lap, peer, uid, lp, op)


def _send_newer(lap: _Side, off: _Side, peer: str, uid: str, lp: dict[str, Any]) -> None:
    with off.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        write_newer_at_office(s, off, audit, lp)
    op = _payload(off.db, uid)
    assert op is not None
    _note(lap, peer, uid, lp, op)


def _receive_new(lap: _Side, peer: str, uid: str, op: dict[str, Any]) -> None:
    with lap.db.session() as s:
        audit = import_record(s, lap.ctx, op, f"{op['record_no']} (uid {uid})")
        _sync_entry(s, lap.actor, audit, lap.where, "received")
        _remember_here(s, peer, uid, audit, op)


def _receive_newer(lap: _Side, peer: str, uid: str, op: dict[str, Any]) -> None:
    with lap.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        replace_draft(s, lap.ctx, audit, op)
        _sync_entry(s, lap.actor, audit, lap.where, "replaced")
        _remember_here(s, peer, uid, audit, op)


def _remember_here(s: Session, peer: str, uid: str, audit: Audit, op: dict[str, Any]) -> None:
    s.flush()
    rec = s.get(SyncRecord, (peer, "audit", uid))
    if rec is None:
        rec = SyncRecord(peer_uid=peer, kind="audit", uid=uid)
        s.add(rec)
    rec.local_id = audit.id
    rec.local_version = audit.version
    rec.office_version = op["version"]
    rec.content_sha256 = _sha(op)
    rec.synced_at = utcnow()


def _tombstone(
    s: Session, peer: str, uid: str, record_no: str, deleted_on: str, version: int
) -> None:
    s.add(
        SyncTombstone(
            peer_uid=peer,
            kind="audit",
            uid=uid,
            record_no=record_no[:30],
            deleted_on=deleted_on,
            version=version,
        )
    )
    rec = s.get(SyncRecord, (peer, "audit", uid))
    if rec is not None:
        s.delete(rec)


def _delete_on_laptop(lap: _Side, peer: str, uid: str, base: tuple[int, int]) -> None:
    with lap.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        audit_id, record_no = audit.id, audit.record_no
    delete_draft(lap.ctx, audit_id)
    with lap.db.session() as s:
        _tombstone(s, peer, uid, record_no, "office", base[1])
        trail.record(s, lap.actor, "sync", "audit", audit_id, after={
            "uid": uid, "record_no": record_no, "from": lap.where, "result": "deleted"
        })  # fmt: skip


def delete_at_office(off: _Side, uid: str, record_no: str) -> None:
    """The office's draft deleted because the laptop deleted its copy (a tombstone)."""
    with off.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        audit_id = audit.id
    delete_draft(off.ctx, audit_id)
    with off.db.session() as s:
        trail.record(s, off.actor, "sync", "audit", audit_id, after={
            "uid": uid, "record_no": record_no, "from": off.where, "result": "deleted"
        })  # fmt: skip


def _delete_at_office(
    lap: _Side, off: _Side, peer: str, uid: str, op: dict[str, Any], base: tuple[int, int]
) -> None:
    delete_at_office(off, uid, op["record_no"])
    with lap.db.session() as s:
        _tombstone(s, peer, uid, op["record_no"], "laptop", base[0])


def _conflict(
    lap: _Side,
    peer: str,
    uid: str,
    lp: dict[str, Any] | None,
    op: dict[str, Any] | None,
    reason: str,
) -> None:
    """Lists the conflict once per pair of versions (a second run adds no duplicate)."""
    lv = lp["version"] if lp else None
    ov = op["version"] if op else None
    with lap.db.session() as s:
        same = s.scalar(
            select(SyncConflict.id).where(
                SyncConflict.peer_uid == peer,
                SyncConflict.uid == uid,
                SyncConflict.resolution.is_(None),
            )
        )
        if same is not None:
            return
        record_no = str((lp or op or {}).get("record_no", ""))[:30]
        conflict = SyncConflict(
            peer_uid=peer,
            kind="audit",
            uid=uid,
            record_no=record_no,
            reason=reason,
            laptop_version=lv,
            office_version=ov,
            laptop_json=_brief(lp),
            office_json=_brief(op),
        )
        s.add(conflict)
        s.flush()
        trail.record(s, lap.actor, "sync_conflict", "audit", uid, after={
            "conflict": conflict.id, "record_no": record_no, "reason": reason,
            "laptop_version": lv, "office_version": ov, "with": lap.where,
        })  # fmt: skip


def _close(lap: _Side, resolution: tuple[int, str | None] | None) -> None:
    if resolution is None:
        return
    with lap.db.session() as s:
        conflict = s.get(SyncConflict, resolution[0])
        assert conflict is not None
        conflict.applied_at = utcnow()


# --- disputes: the office decides, the laptop keeps a copy ------------------------------------


def _dispute_state(d: AuditDispute, follow_uid: str | None) -> dict[str, Any]:
    return {
        "raised_on": d.raised_on.isoformat(),
        "raised_by": d.raised_by,
        "reason": d.reason,
        "status": d.status,
        "decision_note": d.decision_note,
        "decided_on": d.decided_on.isoformat() if d.decided_on else None,
        "decided_by": d.decided_by,
        "outcome": d.outcome,
        "follow_up_uid": follow_uid,
    }


def dispute_states(office: Database, auditor_id: int) -> list[tuple[str, str, dict[str, Any]]]:
    """The disputes on the auditor's audits at the office: (key, audit uid, state)."""
    with office.session() as s:
        rows = s.execute(
            select(AuditDispute, Audit.uid)
            .join(Audit, Audit.id == AuditDispute.audit_id)
            .where(Audit.auditor_id == auditor_id)
            .order_by(AuditDispute.id)
        ).all()
        states = []
        for d, audit_uid in rows:
            follow = s.get(Audit, d.follow_up_id) if d.follow_up_id else None
            states.append((str(d.id), audit_uid, _dispute_state(d, follow.uid if follow else None)))
    return states


def _apply_disputes(lap: _Side, peer: str, states: list[tuple[str, str, dict[str, Any]]]) -> int:
    """Disputes on the auditor's audits and their decisions, brought to the laptop (each in
    its own transaction with its sync state); returns how many were new or changed."""
    from datetime import date

    changed = 0
    for key, audit_uid, state in states:
        digest = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
        with lap.db.session() as s:
            rec = s.get(SyncRecord, (peer, "dispute", key))
            if rec is not None and rec.content_sha256 == digest:
                continue
            audit_id = s.scalar(select(Audit.id).where(Audit.uid == audit_uid))
            if audit_id is None:
                continue
            follow_id = (
                s.scalar(select(Audit.id).where(Audit.uid == state["follow_up_uid"]))
                if state["follow_up_uid"]
                else None
            )
            dispute = s.get(AuditDispute, rec.local_id) if rec is not None else None
            if dispute is None:
                dispute = AuditDispute(audit_id=audit_id)
                s.add(dispute)
            dispute.raised_on = date.fromisoformat(state["raised_on"])
            dispute.raised_by = state["raised_by"]
            dispute.reason = state["reason"]
            dispute.status = state["status"]
            dispute.decision_note = state["decision_note"]
            dispute.decided_on = (
                date.fromisoformat(state["decided_on"]) if state["decided_on"] else None
            )
            dispute.decided_by = state["decided_by"]
            dispute.outcome = state["outcome"]
            dispute.follow_up_id = follow_id
            s.flush()
            if rec is None:
                rec = SyncRecord(peer_uid=peer, kind="dispute", uid=key, office_version=1)
                s.add(rec)
            rec.local_id = dispute.id
            rec.local_version = 1
            rec.content_sha256 = digest
            rec.synced_at = utcnow()
            trail.record(s, lap.actor, "sync", "audit_dispute", dispute.id, after={
                "status": dispute.status, "outcome": dispute.outcome, "from": lap.where,
            })  # fmt: skip
            changed += 1
    return changed
