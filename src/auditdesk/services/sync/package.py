"""The exchange with the office as a file package, both ways, for an office with no network
path from the field (issue 16).

- At the office, `export_office_package` writes what a laptop takes from a live office store
  (forms, units, staff, the auditor's account, the auditor's audits with evidence, the
  decisions on their disputes, the visits planned for them) and the versions the office
  agreed on with each laptop.
  On the laptop, `import_package` runs the laptop's half of `synchronise` against those records
  (`exchange.run_exchange`): the same decisions and the same writes; records the office needs
  wait for the laptop's package (`SyncReport.waiting`).
- On the laptop, `export_laptop_package` writes the laptop's identity, the auditor's audits
  with evidence, the versions agreed on at the last exchange, tombstones of the drafts deleted
  since, the conflicts resolved as "keep the laptop's" and the planned visits an audit was
  started from (office visit, audit uid). At the office, `import_package`
  applies them with the office's write functions of the direct exchange (`write_new_at_office`,
  `write_newer_at_office`, `delete_at_office`) and notes the versions agreed on with that
  laptop (its `sync_peer` / `sync_record` rows at the office), which travel back in the next
  office package, and links each planned visit started on the laptop to its audit
  (services.sync.visits).

A package is a zip: `manifest.json` (format, kind and the SHA-256 and size of every other
member), `package.json` and one `audits/<uid>.json` a record. Reading is bounded
(domain.limits): the file size, the number of members, each member's size as the zip directory
states it and as read, member names (no path, no `..`); a member whose hash differs from the
manifest refuses the whole package naming the member, before anything is applied. A package
older than the last one applied from the same side is refused (importing it would undo newer
agreements); importing one twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, PermissionDenied
from auditdesk.domain.limits import (
    MAX_IMPORT_BYTES,
    MAX_ZIP_DIRECTORY,
    InputRefused,
    check_shape,
    size_text,
)
from auditdesk.files import write_private_bytes
from auditdesk.services import trail
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.sync.exchange import (
    Progress,
    SyncFailed,
    SyncReport,
    _payload,
    _sha,
    _Side,
    _state,
    changed_since,
    delete_at_office,
    dispute_states,
    laptop_name,
    node_of,
    run_exchange,
    write_new_at_office,
    write_newer_at_office,
)
from auditdesk.services.sync.reference import Reference, read_reference
from auditdesk.services.sync.visits import (
    VisitNote,
    link_at_office,
    plan_from_json,
    read_plan,
    started_from_json,
    started_here,
)
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    AuditLogEntry,
    Role,
    SyncConflict,
    SyncPeer,
    SyncRecord,
    SyncTombstone,
    User,
)

FORMAT = "auditdesk-sync-package"
FORMAT_VERSION = 1
MAX_MEMBERS = 100_000 + 2  # one a record (the audit export's limit) and the two headers
_MEMBER = re.compile(r"\A(?:manifest\.json|package\.json|audits/[A-Za-z0-9-]{1,36}\.json)\Z")
_LONG_FIELDS = {"data_base64": MAX_IMPORT_BYTES, "definition_json": 16 * 1024 * 1024}


class PackageRefused(AuditDeskError):
    """A sync package was refused as a whole; nothing was applied."""


@dataclass
class PackageReport:
    """What importing a package did (`sync` is the laptop's exchange report for an office
    package; the lists below are the office's, for a laptop package)."""

    kind: str  # "office" (imported on a laptop) or "laptop" (imported at the office)
    sync: SyncReport | None = None
    sent: list[str] = field(default_factory=list)  # written at the office
    deleted: list[str] = field(default_factory=list)
    in_step: int = 0
    skipped: list[str] = field(default_factory=list)  # the office's is newer: the laptop takes it
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)  # audits tied to their planned visit
    unlinked: list[VisitNote] = field(
        default_factory=list
    )  # started from a visit the office closed


# --- the file -----------------------------------------------------------------------------


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _write(out: Path, header: dict[str, Any], audits: list[dict[str, Any]]) -> Path:
    members = {"package.json": _dumps(header)}
    for p in audits:
        members[f"audits/{p['uid']}.json"] = _dumps(p)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": header["kind"],
        "members": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
        },
    }
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", _dumps(manifest))
        for name, data in members.items():
            z.writestr(name, data)
    write_private_bytes(out, tmp.read_bytes())
    tmp.unlink()
    return out


def read_package(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and the records of a package, every member checked against the manifest;
    PackageRefused / InputRefused name the file and the member, and nothing is applied."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageRefused(
            "{path}: cannot read the file ({detail})", path=path, detail=exc.strerror
        ) from exc
    if size > MAX_IMPORT_BYTES:
        raise InputRefused(
            "{path}: the sync package is {size}, above the limit of {limit}; nothing was read",
            path=path,
            size=size_text(size),
            limit=size_text(MAX_IMPORT_BYTES),
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            _check_directory(path, infos)
            data = {i.filename: _read_member(path, z, i) for i in infos}
    except zipfile.BadZipFile as exc:
        raise PackageRefused(
            "{path}: not a zip file ({detail}); nothing was applied", path=path, detail=str(exc)
        ) from exc
    manifest = _json(path, "manifest.json", data)
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise PackageRefused(
            "{path}: not an AuditDesk sync package (format {format} version {version}); "
            "nothing was applied",
            path=path,
            format=FORMAT,
            version=FORMAT_VERSION,
        )
    listed = manifest.get("members")
    if not isinstance(listed, dict) or set(listed) != set(data) - {"manifest.json"}:
        raise PackageRefused(
            "{path}: the members do not match the manifest (a member added or removed); "
            "nothing was applied",
            path=path,
        )
    for name, entry in sorted(listed.items()):
        digest = hashlib.sha256(data[name]).hexdigest()
        if not isinstance(entry, dict) or entry.get("sha256") != digest:
            raise PackageRefused(
                "{path}: {member} does not match its SHA-256 in the manifest (the package was "
                "altered or damaged); nothing was applied. Export the package again.",
                path=path,
                member=name,
            )
    header = _json(path, "package.json", data)
    if header.get("kind") not in ("office", "laptop") or header["kind"] != manifest.get("kind"):
        raise PackageRefused(
            "{path}: the package's kind is unknown; nothing was applied", path=path
        )
    audits = [_json(path, name, data) for name in sorted(data) if name.startswith("audits/")]
    for name, p in zip(sorted(n for n in data if n.startswith("audits/")), audits, strict=True):
        if name != f"audits/{p.get('uid')}.json":
            raise PackageRefused(
                "{path}: {member} holds another record's uid; nothing was applied",
                path=path,
                member=name,
            )
    return header, audits


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise InputRefused(
            "{path}: {count:,} members, above the limit of {limit:,}; nothing was read",
            path=path,
            count=len(infos),
            limit=MAX_MEMBERS,
        )
    total = 0
    seen: set[str] = set()
    for i in infos:
        if not _MEMBER.match(i.filename) or i.filename in seen:
            raise PackageRefused(
                "{path}: member {member!r} is not one a sync package holds (a path, a "
                "duplicate or an unknown name); nothing was read",
                path=path,
                member=i.filename[:200],
            )
        seen.add(i.filename)
        total += i.file_size
        limit = MAX_ZIP_DIRECTORY if i.filename == "manifest.json" else MAX_IMPORT_BYTES
        if i.file_size > limit or total > MAX_IMPORT_BYTES:
            raise InputRefused(
                "{path}: {member} unpacks to {size}, above the limit of {limit} (a zip bomb?); "
                "nothing was read",
                path=path,
                member=i.filename,
                size=size_text(max(i.file_size, total)),
                limit=size_text(min(limit, MAX_IMPORT_BYTES)),
            )


def _read_member(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with z.open(info) as handle:
        data = handle.read(info.file_size + 1)  # the directory may lie: read no further
    if len(data) != info.file_size:
        raise PackageRefused(
            "{path}: {member} is not the size its zip directory says; nothing was read",
            path=path,
            member=info.filename,
        )
    return data


def _json(path: Path, name: str, data: dict[str, bytes]) -> dict[str, Any]:
    source = f"{path}:{name}"
    if name not in data:
        raise PackageRefused(
            "{path}: {member} is missing; nothing was applied", path=path, member=name
        )
    try:
        doc = json.loads(data[name].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PackageRefused(
            "{path}: {member} is not JSON ({detail}); nothing was applied",
            path=path,
            member=name,
            detail=str(exc)[:200],
        ) from exc
    check_shape(doc, source, long_strings=_LONG_FIELDS)
    if not isinstance(doc, dict):
        raise PackageRefused("{path}: {member} is not a JSON object", path=path, member=name)
    return doc


# --- export -------------------------------------------------------------------------------


def _auditor(s: Session, login: str) -> User:
    user = s.scalar(select(User).where(User.login == login))
    if user is None or user.role != Role.AUDITOR:
        raise PermissionDenied(
            "{login} is not an auditor; a sync package carries an auditor's own records",
            login=login,
        )
    return user


def export_office_package(ctx: AppContext, out: Path, login: str | None = None) -> Path:
    """At the office: the package for the laptop of auditor `login` (the signed-in auditor
    by default; HR or an administrator may make it for any auditor)."""
    who = login or ctx.actor.login
    if who != ctx.actor.login and ctx.actor.role not in (Role.HR, Role.ADMIN):
        raise PermissionDenied(
            "{login} may not export another auditor's records; HR or admin does",
            login=ctx.actor.login,
        )
    with ctx.db.session() as s:
        node = node_of(s, "office")
        user = _auditor(s, who)
        ref = read_reference(s, who)
        watermark = s.scalar(select(func.max(AuditLogEntry.id))) or 0
        uids = list(s.scalars(select(Audit.uid).where(Audit.auditor_id == user.id)))
        laptops = {
            peer: {r.uid: [r.office_version, r.local_version, r.content_sha256] for r in recs}
            for peer, recs in _agreements(s, uids).items()
        }
        office = {"uid": node.uid, "name": ctx.db.describe()}
        auditor_id = user.id
        plan = read_plan(s, auditor_id)
    audits = [p for uid in uids if (p := _payload(ctx.db, uid)) is not None]
    header = {
        "kind": "office",
        "office": office,
        "login": who,
        "watermark": watermark,
        "reference": {
            "forms": ref.forms,
            "office": ref.office,
            "units": ref.units,
            "staff": ref.staff,
            "account": ref.account,
        },
        "disputes": [list(d) for d in dispute_states(ctx.db, auditor_id)],
        "laptops": laptops,  # laptop uid → record uid → [laptop version, office version, sha]
        "plan": plan.as_json(),  # the auditor's planned visits (services.sync.visits)
    }
    with ctx.db.session() as s:
        trail.record(s, ctx.actor, "sync_export", "office", office["uid"], after={
            "for": who, "audits": len(audits), "visits": len(plan.visits), "file": out.name,
        })  # fmt: skip
    return _write(out, header, audits)


def _agreements(s: Session, uids: list[str]) -> dict[str, list[SyncRecord]]:
    """At the office: the versions agreed on with each laptop through packages."""
    found: dict[str, list[SyncRecord]] = {}
    wanted = set(uids)
    for r in s.scalars(select(SyncRecord).where(SyncRecord.kind == "audit")):
        if r.uid in wanted:
            found.setdefault(r.peer_uid, []).append(r)
    return found


def export_laptop_package(ctx: AppContext, out: Path) -> Path:
    """On the laptop: the signed-in auditor's records for the office they last exchanged with."""
    with ctx.db.session() as s:
        user = _auditor(s, ctx.actor.login)
        peer = s.scalar(select(SyncPeer).order_by(SyncPeer.last_sync_at.desc()).limit(1))
        if peer is None:
            raise SyncFailed(
                "this laptop has not exchanged with an office yet: import the office's package "
                "(or synchronise) first"
            )
        node = node_of(s, laptop_name())
        uids = list(s.scalars(select(Audit.uid).where(Audit.auditor_id == user.id)))
        here = set(uids)
        bases = {
            r.uid: [r.local_version, r.office_version, r.content_sha256]
            for r in s.scalars(
                select(SyncRecord).where(
                    SyncRecord.peer_uid == peer.uid, SyncRecord.kind == "audit"
                )
            )
        }
        keep = sorted(
            set(
                s.scalars(
                    select(SyncConflict.uid).where(
                        SyncConflict.peer_uid == peer.uid,
                        SyncConflict.resolution == "laptop",
                        SyncConflict.applied_at.is_(None),
                    )
                )
            )
        )
        header: dict[str, Any] = {
            "kind": "laptop",
            "laptop": {"uid": node.uid, "name": node.name},
            "office_uid": peer.uid,
            "login": user.login,
            "watermark": s.scalar(select(func.max(AuditLogEntry.id))) or 0,
            "agreed": bases,  # record uid → [laptop version, office version, sha]
            "tombstones": sorted(uid for uid in bases if uid not in here),
            "keep_laptop": keep,
            # planned visits an audit was started from: [office visit, audit uid]
            "visits_started": [list(x) for x in started_here(s, peer.uid)],
        }
    audits = [p for uid in uids if (p := _payload(ctx.db, uid)) is not None]
    with ctx.db.session() as s:
        trail.record(s, ctx.actor, "sync_export", "laptop", header["laptop"]["uid"], after={
            "office": header["office_uid"], "audits": len(audits), "file": out.name,
        })  # fmt: skip
    return _write(out, header, audits)


# --- import -------------------------------------------------------------------------------


def import_package(
    ctx: AppContext,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackageReport:
    """Applies a package: an office package on a laptop, a laptop package at the office.
    The whole file is read and checked first; a refused file applies nothing."""
    header, audits = read_package(path)
    if header["kind"] == "office":
        return _import_on_laptop(ctx, path, header, audits, progress, cancelled)
    return _import_at_office(ctx, path, header, audits)


def _import_on_laptop(
    ctx: AppContext,
    path: Path,
    header: dict[str, Any],
    audits: list[dict[str, Any]],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> PackageReport:
    login, office = header["login"], header["office"]
    if ctx.actor.user_id is not None and ctx.actor.login != login and ctx.actor.role != Role.ADMIN:
        raise PermissionDenied(
            "{path} is {login}'s package; sign in as {login} to import it", path=path, login=login
        )
    r = header["reference"]
    ref = Reference(r["forms"], r["office"], r["units"], r["staff"], r["account"])
    # a package of an AuditDesk before planned visits travelled carries none: copies stay
    plan = plan_from_json(header["plan"], path.name) if "plan" in header else None
    with ctx.db.session() as s:
        node = node_of(s, laptop_name())
        if node.uid == office["uid"]:
            raise SyncFailed("the office store and the laptop are the same database")
        peer = s.get(SyncPeer, office["uid"])
        if peer is not None and header["watermark"] < peer.watermark:
            raise PackageRefused(
                "{path} is older than the last exchange with this office; nothing was applied. "
                "Ask the office for a new package.",
                path=path,
            )
        if peer is not None:
            _adopt_office_agreements(s, office["uid"], header["laptops"].get(node.uid, {}))
    off = _Side(ctx.db, Actor.system(), 0, "", packed={p["uid"]: p for p in audits})
    report = run_exchange(
        ctx.db,
        off,
        office["uid"],
        ref,
        int(header["watermark"]),
        report=SyncReport(office=f"{office['name']} ({path.name})"),
        progress=progress or (lambda _d, _t, _x: None),
        cancelled=cancelled or (lambda: False),
        disputes=[(str(k), str(u), dict(st)) for k, u, st in header["disputes"]],
        plan=plan,
    )
    return PackageReport(kind="office", sync=report)


def _adopt_office_agreements(s: Session, peer: str, agreed: dict[str, list[Any]]) -> None:
    """The versions the office agreed on with this laptop when it applied the laptop's last
    package, where they are newer than the laptop's own note (by the laptop's version)."""
    for uid, (laptop_v, office_v, sha) in agreed.items():
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        if audit is None:
            continue
        rec = s.get(SyncRecord, (peer, "audit", uid))
        if rec is not None and rec.local_version >= laptop_v:
            continue
        if rec is None:
            rec = SyncRecord(peer_uid=peer, kind="audit", uid=uid)
            s.add(rec)
        rec.local_id = audit.id
        rec.local_version = int(laptop_v)
        rec.office_version = int(office_v)
        rec.content_sha256 = str(sha)
        rec.synced_at = utcnow()


def _import_at_office(
    ctx: AppContext, path: Path, header: dict[str, Any], audits: list[dict[str, Any]]
) -> PackageReport:
    login, laptop = header["login"], header["laptop"]
    if ctx.actor.login != login and ctx.actor.role not in (Role.HR, Role.ADMIN):
        raise PermissionDenied(
            "{login} may not import another auditor's package; HR or admin does",
            login=ctx.actor.login,
        )
    report = PackageReport(kind="laptop")
    with ctx.db.session() as s:
        node = node_of(s, "office")
        if header["office_uid"] != node.uid:
            raise PackageRefused(
                "{path} was made for another office store; nothing was applied", path=path
            )
        user = _auditor(s, login)
        auditor = Actor.of(user)
        peer = s.get(SyncPeer, laptop["uid"])
        if peer is not None and header["watermark"] < peer.watermark:
            raise PackageRefused(
                "{path} is older than the last package applied from this laptop; nothing was "
                "applied. Export a new one on the laptop.",
                path=path,
            )
        if peer is None:
            s.add(SyncPeer(uid=laptop["uid"], name=str(laptop["name"])[:300], watermark=0, runs=0))
    off = _Side(
        ctx.db, auditor, auditor.user_id or 0, f"laptop {laptop['name']} ({laptop['uid'][:8]})"
    )
    packed = {p["uid"]: p for p in audits}
    keep = set(header["keep_laptop"])
    started = started_from_json(header.get("visits_started"), path.name)
    for uid in sorted(packed, key=lambda u: (1 if packed[u].get("original_uid") else 0, u)):
        try:
            _apply_at_office(off, laptop["uid"], uid, packed[uid], header, keep, report)
        except AuditDeskError as exc:
            report.refused.append(f"{packed[uid].get('record_no', uid)} (uid {uid}): {exc}")
    for uid in header["tombstones"]:
        try:
            _apply_at_office(off, laptop["uid"], uid, None, header, keep, report)
        except AuditDeskError as exc:
            report.refused.append(f"uid {uid}: {exc}")
    with ctx.db.session() as s:
        report.linked, report.unlinked = link_at_office(
            s, off.actor, off.user_id, off.where, started
        )
    with ctx.db.session() as s:
        peer = s.get(SyncPeer, laptop["uid"])
        assert peer is not None
        peer.watermark = max(peer.watermark, int(header["watermark"]))
        peer.runs += 1
        peer.last_sync_at = utcnow()
        trail.record(s, ctx.actor, "sync_import", "laptop", laptop["uid"], after={
            "file": path.name, "with": off.where, "auditor": login, "sent": len(report.sent),
            "deleted": len(report.deleted), "conflicts": len(report.conflicts),
            "refused": len(report.refused), "linked": len(report.linked),
        })  # fmt: skip
    return report


def _apply_at_office(
    off: _Side,
    laptop_uid: str,
    uid: str,
    lp: dict[str, Any] | None,
    header: dict[str, Any],
    keep: set[str],
    report: PackageReport,
) -> None:
    """One laptop record at the office: the office's half of `exchange._one`. Conflicts are
    listed here and recorded on the laptop when it imports the office's next package."""
    op = _payload(off.db, uid)
    name = str((lp or op or {}).get("record_no", uid))
    if lp is not None and op is not None and _state(lp) == _state(op):
        _agree(off, laptop_uid, uid, lp)
        report.in_step += 1
        return
    base, agreed = _base(off, laptop_uid, uid, header["agreed"].get(uid))
    l_changed, o_changed = changed_since(lp, op, base, agreed)
    if uid in keep:
        l_changed, o_changed = True, False
    if lp is not None and op is None:
        if base is None:
            with off.db.session() as s:
                write_new_at_office(s, off, uid, lp)
            _agree(off, laptop_uid, uid, lp)
            report.sent.append(name)
        else:
            report.skipped.append(f"{name} (deleted at the office)")
        return
    if op is None:
        return  # deleted on both sides
    if not l_changed:
        report.skipped.append(name)  # the office's copy is the newer: the laptop takes it
        return
    if o_changed:
        report.conflicts.append(f"{name}: changed on the laptop and at the office")
        return
    if op["status"] != "draft":
        report.conflicts.append(f"{name}: the office's copy is {op['status']}")
        return
    if lp is None:
        delete_at_office(off, uid, op["record_no"])
        with off.db.session() as s:
            s.add(SyncTombstone(peer_uid=laptop_uid, kind="audit", uid=uid, record_no=name[:30],
                                deleted_on="laptop", version=op["version"]))  # fmt: skip
            rec = s.get(SyncRecord, (laptop_uid, "audit", uid))
            if rec is not None:
                s.delete(rec)
        report.deleted.append(f"{name} (deleted on the laptop)")
        return
    with off.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        write_newer_at_office(s, off, audit, lp)
    _agree(off, laptop_uid, uid, lp)
    report.sent.append(name)


def _base(
    off: _Side, laptop_uid: str, uid: str, theirs: list[Any] | None
) -> tuple[tuple[int, int] | None, str | None]:
    """The versions (laptop, office) last agreed on: the laptop's note, or the office's own
    from an earlier package when it is newer (by the laptop's version)."""
    with off.db.session() as s:
        rec = s.get(SyncRecord, (laptop_uid, "audit", uid))
        mine = (rec.office_version, rec.local_version, rec.content_sha256) if rec else None
    best = theirs if theirs is not None else None
    if mine is not None and (best is None or mine[0] >= int(best[0])):
        best = list(mine)
    if best is None:
        return None, None
    return (int(best[0]), int(best[1])), str(best[2])


def _agree(off: _Side, laptop_uid: str, uid: str, lp: dict[str, Any]) -> None:
    """At the office: this laptop's version `lp` and the office's copy now say the same.
    (In the office's rows `local_version` is the office's, `office_version` the laptop's.)"""
    op = _payload(off.db, uid)
    assert op is not None
    with off.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        rec = s.get(SyncRecord, (laptop_uid, "audit", uid))
        if rec is None:
            rec = SyncRecord(peer_uid=laptop_uid, kind="audit", uid=uid)
            s.add(rec)
        rec.local_id = audit.id
        rec.local_version = int(op["version"])
        rec.office_version = int(lp["version"])
        rec.content_sha256 = _sha(op)
        rec.synced_at = utcnow()
