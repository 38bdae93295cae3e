"""Planned visits between the office and an auditor's laptop (issue 16 with issue 18).

From the office the laptop takes the visits planned for the signing-in auditor, and only
theirs (the plan is confidential: services.plan.access), with what the laptop needs to list
them and to start an audit from one: the programme row each belongs to, its unit (by code,
units travel with the reference data), channel, time, status and reasons, and the scenarios
the visits name (title, brief and form; the form's answer key travels with the forms). The
office is the source: the laptop's copies are overwritten with the office's values at every
exchange, and a visit withdrawn at the office or given to another auditor disappears from the
laptop — unless an audit was started from it on the laptop, which keeps the copy and its link.

A copy is known across the two stores by the office's id in `sync_record` (kind "visit" and
"plan_programme", per office), so no column of the plan's tables changes. The whole plan is
applied on the laptop in one transaction: an interrupted exchange leaves the previous copy.

To the office goes only what the laptop may do to the plan: start an audit from a visit. Once
that audit has reached the office (by the exchange or the laptop's package), the office's visit
names the office's copy of the audit and is done, as services.plan.start_planned_visit does at
the office; a visit the office withdrew, gave to someone else or closed meanwhile is left as it
is and the exchange says so.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import trail
from auditdesk.services.context import Actor
from auditdesk.services.plan.visits import VISIT_STATUSES, effective_status
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    OrgUnit,
    PlannedVisit,
    PlanProgramme,
    PlanScenario,
    SyncRecord,
)

VISIT = "visit"
PROGRAMME = "plan_programme"

_PROGRAMME_FIELDS = (
    "name",
    "period_from",
    "period_to",
    "mode",
    "margin",
    "confidence",
    "budget",
    "allocation",
    "channels_json",
    "seed",
    "stage",
)


@dataclass(frozen=True)
class PlanCopy:
    """The office's plan for one auditor: programmes, the scenarios their visits name, and the
    visits (each a JSON-ready dict keyed by the office's ids as text)."""

    programmes: list[dict[str, Any]]
    scenarios: list[dict[str, Any]]
    visits: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {"programmes": self.programmes, "scenarios": self.scenarios, "visits": self.visits}


@dataclass(frozen=True)
class VisitNote:
    """A planned visit a synchronisation could not link or copy, and why, for the window to say
    in the user's language (`reason`: "withdrawn" — withdrawn at the office or given to another
    auditor; "closed" — `status` at the office; "no_source" — its programme or unit did not come
    from the office). `str()` is the English line the command line prints."""

    visit: str  # the office's visit key
    reason: str
    record_no: str | None = None  # the audit started from it, if any
    status: str | None = None
    unit: str | None = None

    def __str__(self) -> str:
        if self.reason == "withdrawn":
            return (
                f"{self.record_no}: planned visit #{self.visit} was withdrawn at the office or "
                "given to another auditor; the audit is kept without it"
            )
        if self.reason == "closed":
            return (
                f"{self.record_no}: planned visit #{self.visit} is {self.status} at the office; "
                "the audit is kept without it"
            )
        return (
            f"planned visit #{self.visit}: its programme or unit {self.unit} did not come from "
            "the office"
        )


@dataclass
class PlanCounts:
    added: int = 0  # visits new on the laptop
    changed: int = 0  # visits, programmes and scenarios that now say something else
    removed: int = 0
    kept: int = 0  # withdrawn at the office but started on the laptop: kept with its audit
    skipped: list[VisitNote] = field(default_factory=list)  # could not be applied (and why)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


# --- at the office ----------------------------------------------------------------------------


def read_plan(s: Session, auditor_id: int) -> PlanCopy:
    """At the office: the visits assigned to the auditor, their programmes and scenarios."""
    rows = s.execute(
        select(PlannedVisit, OrgUnit.code, Audit.uid)
        .join(OrgUnit, OrgUnit.id == PlannedVisit.unit_id)
        .outerjoin(Audit, Audit.id == PlannedVisit.audit_id)
        .where(PlannedVisit.auditor_id == auditor_id)
        .order_by(PlannedVisit.id)
    ).all()
    visits = [
        {
            "key": str(v.id),
            "programme": str(v.programme_id),
            "unit_code": unit_code,
            "channel": v.channel,
            "scenario_code": v.scenario_code,
            "planned_at": v.planned_at.isoformat(),
            "status": v.status,
            "status_reason": v.status_reason,
            "reason": v.reason,
            "assign_reason": v.assign_reason,
            "audit_uid": audit_uid,
        }
        for v, unit_code, audit_uid in rows
    ]
    programme_ids = sorted({v.programme_id for v, _c, _u in rows})
    named = {(v.programme_id, v.scenario_code) for v, _c, _u in rows if v.scenario_code}
    programmes = [
        {"key": str(p.id), **{f: _plain(getattr(p, f)) for f in _PROGRAMME_FIELDS}}
        for p in s.scalars(
            select(PlanProgramme)
            .where(PlanProgramme.id.in_(programme_ids))
            .order_by(PlanProgramme.id)
        )
    ]
    scenarios = [
        {
            "programme": str(sc.programme_id),
            "code": sc.code,
            "channel": sc.channel,
            "form_id": sc.form_id,
            "title": sc.title,
            "brief": sc.brief,
            "weight": sc.weight,
        }
        for sc in s.scalars(
            select(PlanScenario)
            .where(PlanScenario.programme_id.in_(programme_ids))
            .order_by(PlanScenario.id)
        )
        if (sc.programme_id, sc.code) in named
    ]
    return PlanCopy(programmes, scenarios, visits)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def link_at_office(
    s: Session, actor: Actor, auditor_id: int, where: str, started: list[tuple[str, str]]
) -> tuple[list[str], list[VisitNote]]:
    """At the office: each (office visit key, audit uid) the laptop started links the office's
    visit to the office's copy of that audit and marks it done (the trail names the laptop).
    Returns the record numbers linked and what could not be linked (and why); an audit not yet
    at the office (in conflict, refused, waiting for a package) is linked by a later exchange."""
    linked: list[str] = []
    unlinked: list[VisitNote] = []
    for key, audit_uid in started:
        audit = s.scalar(select(Audit).where(Audit.uid == audit_uid))
        if audit is None or audit.auditor_id != auditor_id:
            continue
        visit = s.get(PlannedVisit, int(key)) if key.isdigit() else None
        if visit is not None and visit.audit_id == audit.id:
            continue
        if visit is None or visit.auditor_id != auditor_id:
            unlinked.append(VisitNote(key, "withdrawn", audit.record_no))
            continue
        status = effective_status(visit.status, visit.audit_id)
        if status != "planned":
            unlinked.append(VisitNote(key, "closed", audit.record_no, status=status))
            continue
        visit.audit_id = audit.id
        visit.status = "done"
        trail.record(s, actor, "start", "planned_visit", visit.id, after={
            "audit_id": audit.id, "uid": audit.uid, "from": where,
        })  # fmt: skip
        linked.append(audit.record_no)
    return linked, unlinked


# --- on the laptop ----------------------------------------------------------------------------


def started_here(s: Session, peer: str) -> list[tuple[str, str]]:
    """On the laptop: (office visit key, audit uid) of every copy an audit was started from
    (or that the office already linked: linking again changes nothing)."""
    out = []
    for rec in s.scalars(
        select(SyncRecord)
        .where(SyncRecord.peer_uid == peer, SyncRecord.kind == VISIT)
        .order_by(SyncRecord.uid)
    ):
        visit = s.get(PlannedVisit, rec.local_id)
        if visit is None or visit.audit_id is None:
            continue
        uid = s.scalar(select(Audit.uid).where(Audit.id == visit.audit_id))
        if uid is not None:
            out.append((rec.uid, uid))
    return out


def _state(v: PlannedVisit) -> tuple[object, ...]:
    return (
        v.programme_id,
        v.unit_id,
        v.channel,
        v.scenario_code,
        v.planned_at,
        v.auditor_id,
        v.status,
        v.status_reason,
        v.reason,
        v.assign_reason,
        v.audit_id,
    )


def _digest(doc: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode("utf-8")).hexdigest()


def _note(
    s: Session, recs: dict[tuple[str, str], SyncRecord], peer: str, kind: str, key: str,
    local_id: int, doc: dict[str, Any],
) -> None:  # fmt: skip
    rec = recs.get((kind, key))
    if rec is None:
        rec = SyncRecord(peer_uid=peer, kind=kind, uid=key, local_version=1, office_version=1)
        s.add(rec)
        recs[(kind, key)] = rec
    rec.local_id = local_id
    digest = _digest(doc)
    if rec.content_sha256 != digest:
        rec.content_sha256 = digest
        rec.synced_at = utcnow()


def apply_plan(
    s: Session, actor: Actor, peer: str, auditor_id: int, plan: PlanCopy, source: str
) -> PlanCounts:
    """On the laptop, in the caller's transaction: the copies brought up to the office's plan
    `plan` for the auditor `auditor_id` (the laptop's id); one trail entry when anything
    changed."""
    counts = PlanCounts()
    units = {code: i for i, code in s.execute(select(OrgUnit.id, OrgUnit.code))}
    recs = {
        (r.kind, r.uid): r
        for r in s.scalars(
            select(SyncRecord).where(
                SyncRecord.peer_uid == peer, SyncRecord.kind.in_((VISIT, PROGRAMME))
            )
        )
    }
    programmes: dict[str, PlanProgramme] = {}
    for p in plan.programmes:
        rec = recs.get((PROGRAMME, p["key"]))
        row = s.get(PlanProgramme, rec.local_id) if rec is not None else None
        old = None if row is None else [getattr(row, f) for f in _PROGRAMME_FIELDS]
        if row is None:
            row = PlanProgramme()
            s.add(row)
        for f in _PROGRAMME_FIELDS:
            value = p[f]
            if f.startswith("period_"):
                value = date.fromisoformat(value)
            setattr(row, f, value)
        s.flush()
        if old is not None and old != [getattr(row, f) for f in _PROGRAMME_FIELDS]:
            counts.changed += 1
        _note(s, recs, peer, PROGRAMME, p["key"], row.id, p)
        programmes[p["key"]] = row
    wanted: dict[str, dict[str, dict[str, Any]]] = {}
    for wish in plan.scenarios:
        wanted.setdefault(wish["programme"], {})[wish["code"]] = wish
    for key, row in programmes.items():
        have = {
            sc.code: sc
            for sc in s.scalars(select(PlanScenario).where(PlanScenario.programme_id == row.id))
        }
        for code, sc in wanted.get(key, {}).items():
            copy = have.pop(code, None)
            new = (sc["channel"], sc["form_id"], sc["title"], sc["brief"], float(sc["weight"]))
            if copy is None:
                copy = PlanScenario(programme_id=row.id, code=code)
                s.add(copy)
            elif (copy.channel, copy.form_id, copy.title, copy.brief, copy.weight) != new:
                counts.changed += 1
            copy.channel, copy.form_id, copy.title, copy.brief, copy.weight = new
        for stale in have.values():
            s.delete(stale)
    s.flush()
    seen: set[str] = set()
    for v in plan.visits:
        programme = programmes.get(v["programme"])
        unit_id = units.get(v["unit_code"])
        if programme is None or unit_id is None:
            counts.skipped.append(VisitNote(v["key"], "no_source", unit=v["unit_code"]))
            continue
        seen.add(v["key"])
        rec = recs.get((VISIT, v["key"]))
        visit = s.get(PlannedVisit, rec.local_id) if rec is not None else None
        before = _state(visit) if visit is not None else None
        if visit is None:
            visit = PlannedVisit(planned_at=datetime.fromisoformat(v["planned_at"]))
            s.add(visit)
        visit.programme_id, visit.unit_id, visit.channel = programme.id, unit_id, v["channel"]
        visit.scenario_code = v["scenario_code"]
        visit.planned_at = datetime.fromisoformat(v["planned_at"])
        visit.auditor_id = auditor_id
        visit.status_reason, visit.reason = v["status_reason"], v["reason"]
        visit.assign_reason = v["assign_reason"]
        visit.replaces_id = None  # the visit replaced may be someone else's
        linked = (
            s.scalar(select(Audit.id).where(Audit.uid == v["audit_uid"]))
            if v["audit_uid"]
            else None
        )
        if linked is not None or visit.audit_id is None:
            visit.status, visit.audit_id = v["status"], linked
        # else: started here and not yet linked at the office: the laptop's start stands
        s.flush()
        if before is None:
            counts.added += 1
        elif before != _state(visit):
            counts.changed += 1
        _note(s, recs, peer, VISIT, v["key"], visit.id, v)
    for (kind, key), rec in list(recs.items()):
        if kind != VISIT or key in seen:
            continue
        gone = s.get(PlannedVisit, rec.local_id)
        if gone is not None and gone.audit_id is not None:
            counts.kept += 1  # started here: kept with its audit
            continue
        if gone is not None:
            s.delete(gone)
            counts.removed += 1
        s.delete(rec)
        del recs[(kind, key)]
    s.flush()
    for (kind, key), rec in list(recs.items()):
        if kind != PROGRAMME or key in programmes:
            continue
        row = s.get(PlanProgramme, rec.local_id)
        if row is not None:
            if s.scalar(select(PlannedVisit.id).where(PlannedVisit.programme_id == row.id)):
                continue  # a visit started here still names it
            for dropped in s.scalars(
                select(PlanScenario).where(PlanScenario.programme_id == row.id)
            ):
                s.delete(dropped)
            s.flush()
            s.delete(row)
        s.delete(rec)
    s.flush()
    if counts.any:
        trail.record(s, actor, "sync", "planned_visit", "*", after={
            "from": source, "added": counts.added, "changed": counts.changed,
            "removed": counts.removed, "kept": counts.kept,
        })  # fmt: skip
    return counts


# --- in a package -----------------------------------------------------------------------------

# the longest text each field may hold (the plan's columns); Text columns: the package's bound
_LIMITS = {
    "name": 200, "mode": 12, "allocation": 12, "stage": 12, "code": 40, "channel": 20,
    "form_id": 64, "title": 300, "unit_code": 40, "scenario_code": 40, "status": 12,
    "audit_uid": 36, "planned_at": 40, "period_from": 20, "period_to": 20,
}  # fmt: skip


def _refuse(source: str, where: str, name: str) -> ValidationFailed:
    return ValidationFailed(
        "{source}: {where} has no valid {field}; nothing was applied. Ask the office for a new "
        "package.",
        source=source,
        where=where,
        field=name,
    )


def _field(doc: dict[str, Any], name: str, kinds: tuple[type, ...], where: str, source: str) -> Any:
    value = doc.get(name)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise _refuse(source, where, name)
    if isinstance(value, str) and len(value) > _LIMITS.get(name, len(value)):
        raise _refuse(source, where, name)
    return value


def plan_from_json(doc: object, source: str) -> PlanCopy:
    """The plan of an office package, every field checked (type, length, date, status) before
    anything is applied; a bad one is refused naming the record and the field."""
    if not isinstance(doc, dict):
        raise _refuse(source, "the package", "plan")
    lists = {}
    for part in ("programmes", "scenarios", "visits"):
        items = doc.get(part)
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise _refuse(source, "the plan", part)
        lists[part] = items
    text, number, maybe = (str,), (int, float), (str, type(None))
    programmes: list[dict[str, Any]] = []
    for p in lists["programmes"]:
        where = f"programme {str(p.get('key'))[:20]!r}"
        row = {"key": _key(p, "key", where, source)}
        for f in _PROGRAMME_FIELDS:
            kinds: tuple[type, ...] = text
            if f in ("margin", "budget"):
                kinds = (*number, type(None))
            elif f in ("confidence", "seed"):
                kinds = number
            row[f] = _field(p, f, kinds, where, source)
        if not isinstance(row["seed"], int) or not (
            row["budget"] is None or isinstance(row["budget"], int)
        ):
            raise _refuse(source, where, "seed")
        for f in ("period_from", "period_to"):
            _iso(row[f], date.fromisoformat, f, where, source)
        programmes.append(row)
    scenarios: list[dict[str, Any]] = []
    for sc in lists["scenarios"]:
        where = f"scenario {str(sc.get('code'))[:40]!r}"
        row = {"programme": _key(sc, "programme", where, source)}
        for f in ("code", "channel", "form_id", "title", "brief"):
            row[f] = _field(sc, f, text, where, source)
        row["weight"] = _field(sc, "weight", number, where, source)
        scenarios.append(row)
    visits: list[dict[str, Any]] = []
    for v in lists["visits"]:
        where = f"planned visit {str(v.get('key'))[:20]!r}"
        row = {
            "key": _key(v, "key", where, source),
            "programme": _key(v, "programme", where, source),
        }
        for f in ("unit_code", "channel", "planned_at", "status", "status_reason", "reason"):
            row[f] = _field(v, f, text, where, source)
        row["assign_reason"] = _field(v, "assign_reason", text, where, source)
        for f in ("scenario_code", "audit_uid"):
            row[f] = _field(v, f, maybe, where, source)
        _iso(row["planned_at"], datetime.fromisoformat, "planned_at", where, source)
        if row["status"] not in VISIT_STATUSES:
            raise _refuse(source, where, "status")
        visits.append(row)
    return PlanCopy(programmes, scenarios, visits)


def _key(doc: dict[str, Any], name: str, where: str, source: str) -> str:
    value = _field(doc, name, (str,), where, source)
    if not value.isdigit() or len(value) > 18:
        raise _refuse(source, where, name)
    return str(value)


def _iso(value: str, parse: Any, name: str, where: str, source: str) -> None:
    try:
        parse(value)
    except ValueError as exc:
        raise _refuse(source, where, name) from exc


def started_from_json(doc: object, source: str) -> list[tuple[str, str]]:
    """The visits a laptop package says were started there: (office visit key, audit uid)."""
    if doc is None:
        return []
    if not isinstance(doc, list) or not all(
        isinstance(x, list)
        and len(x) == 2
        and all(isinstance(y, str) for y in x)
        and x[0].isdigit()
        and len(x[0]) <= 18
        and len(x[1]) <= 36
        for x in doc
    ):
        raise _refuse(source, "the package", "visits_started")
    return [(str(k), str(u)) for k, u in doc]
