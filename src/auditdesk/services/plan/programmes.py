"""A mystery-client programme (issue 18): its period, units, channels, scenarios and auditors,
a precision target or a budget; computing the visits each unit needs, the schedule and the
assignment to auditors (the rules are domain.planning's; this module reads and stores)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from auditdesk.domain import planning
from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.forms.checklist import CHANNELS, ChecklistForm
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions, load_version
from auditdesk.services.plan.access import require_planner
from auditdesk.store.base import utcnow
from auditdesk.store.models import (
    Audit,
    AuditorExclusion,
    CaseRecord,
    Employee,
    OrgUnit,
    PlanAuditor,
    PlannedVisit,
    PlanProgramme,
    PlanScenario,
    PlanUnit,
    Role,
    User,
)

MODES = ("precision", "budget")
ALLOCATIONS = ("proportional", "neyman")
STAGES = ("draft", "computed", "scheduled", "assigned")
NAME_MAX = 200


@dataclass(frozen=True)
class UnitSpec:
    """A unit in the programme; traffic and last result are read from the registers when not
    given (cases started in the previous period of the same length; the share of that period's
    completed audits that passed)."""

    unit_id: int
    hours: str = planning.DEFAULT_HOURS
    traffic: int | None = None
    last_result: float | None = None


@dataclass(frozen=True)
class ScenarioSpec:
    code: str
    channel: str
    title: str  # the case the client presents
    brief: str = ""  # what the auditor plays and says
    weight: float = 1.0
    form_id: str | None = None  # default: the newest form serving the channel


@dataclass(frozen=True)
class AuditorSpec:
    user_id: int
    weekly_capacity: int = 3


@dataclass(frozen=True)
class ProgrammeSpec:
    name: str
    period_from: date
    period_to: date
    channels: Mapping[str, float]
    units: Sequence[UnitSpec]
    scenarios: Sequence[ScenarioSpec] = ()
    auditors: Sequence[AuditorSpec] = ()
    margin: float | None = None  # precision target (fraction), or
    budget: int | None = None  # a number of visits
    confidence: float = 0.95
    allocation: str = "proportional"
    seed: int = 1


@dataclass(frozen=True)
class UnitPlanRow:
    unit_id: int
    unit_code: str
    unit_name: str
    hours: str
    traffic: int | None
    last_result: float | None
    visits: int
    planning_p: float | None
    margin: float | None  # the precision the unit's result will have (fraction)
    reason: str


@dataclass(frozen=True)
class ScenarioRow:
    code: str
    channel: str
    form_id: str
    title: str
    brief: str
    weight: float


@dataclass(frozen=True)
class AuditorRow:
    user_id: int
    login: str
    name: str
    weekly_capacity: int
    own_unit: str  # code, "" when the auditor is not an employee
    excluded: tuple[str, ...]  # unit codes they worked in


@dataclass(frozen=True)
class ProgrammeRow:
    id: int
    name: str
    period_from: date
    period_to: date
    mode: str
    margin: float | None
    budget: int | None
    confidence: float
    allocation: str
    channels: dict[str, float]
    seed: int
    stage: str
    visits: int


@dataclass(frozen=True)
class ProgrammeView:
    programme: ProgrammeRow
    units: list[UnitPlanRow]
    scenarios: list[ScenarioRow]
    auditors: list[AuditorRow]
    problems: list[planning.Said] = field(default_factory=list)


def said_json(text: str) -> str:
    """A reason as stored: its English and Polish (domain.planning.Said) in one JSON text."""
    return json.dumps({"en": str(text), "pl": planning.polish(text)}, ensure_ascii=False)


def said_of(stored: str) -> planning.Said:
    """A stored reason back as Said; text that is not such JSON stands for itself."""
    if stored.startswith("{"):
        try:
            data = json.loads(stored)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("en"), str):
            return planning.Said(data["en"], str(data.get("pl") or data["en"]))
    return planning.Said(stored, stored)


def _problems_json(problems: Sequence[str]) -> str:
    return json.dumps([[str(p), planning.polish(p)] for p in problems], ensure_ascii=False)


def _problems_of(stored: str) -> list[planning.Said]:
    if not stored:
        return []
    try:
        return [planning.Said(en, pl) for en, pl in json.loads(stored)]
    except (ValueError, TypeError):
        return [planning.Said(line, line) for line in stored.splitlines() if line]


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end]."""
    length = end - start
    return start - length - timedelta(days=1), start - timedelta(days=1)


def _get(s: Session, programme_id: int) -> PlanProgramme:
    programme = s.get(PlanProgramme, programme_id)
    if programme is None:
        raise NotFound("programme #{programme} does not exist", programme=programme_id)
    return programme


def _checklists(s: Session) -> dict[str, ChecklistForm]:
    out: dict[str, ChecklistForm] = {}
    for version in latest_versions(s, "checklist"):
        form = load_version(s, version.id).definition
        assert isinstance(form, ChecklistForm)
        out[version.form_id] = form
    return out


def _form_for(forms: Mapping[str, ChecklistForm], channel: str, form_id: str | None) -> str:
    if form_id is not None:
        form = forms.get(form_id)
        if form is None:
            raise ValidationFailed(
                "form {form!r} is not registered; choose one of {allowed}",
                form=form_id,
                allowed=", ".join(sorted(forms)),
            )
        if channel not in form.channels:
            raise ValidationFailed(
                "form {form!r} serves {channels}, not {channel}",
                form=form_id,
                channels=", ".join(form.channels),
                channel=channel,
            )
        return form_id
    for fid in sorted(forms):
        if channel in forms[fid].channels:
            return fid
    raise ValidationFailed(
        "no registered form serves the channel {channel}; register one first", channel=channel
    )


def _check_spec(spec: ProgrammeSpec) -> None:
    if not spec.name.strip() or len(spec.name.strip()) > NAME_MAX:
        raise ValidationFailed(
            "the programme's name is empty or longer than {limit} characters", limit=NAME_MAX
        )
    if spec.period_to < spec.period_from:
        raise ValidationFailed(
            "the period ends ({end}) before it starts ({start})",
            start=spec.period_from.isoformat(),
            end=spec.period_to.isoformat(),
        )
    if (spec.margin is None) == (spec.budget is None):
        raise ValidationFailed(
            "give either a precision target (margin) or a budget of visits, not both or neither"
        )
    if spec.margin is not None:
        planning.sample_size(spec.margin, spec.confidence)  # checks margin and confidence
    if spec.budget is not None and spec.budget < 1:
        raise ValidationFailed("budget {budget} must be at least one visit", budget=spec.budget)
    if spec.allocation not in ALLOCATIONS:
        raise ValidationFailed(
            "allocation {allocation!r} is unknown; use {allowed}",
            allocation=spec.allocation,
            allowed=", ".join(ALLOCATIONS),
        )
    for channel in spec.channels:
        if channel not in CHANNELS:
            raise ValidationFailed(
                "channel {channel!r} is unknown; use one of: {channels}",
                channel=channel,
                channels=", ".join(CHANNELS),
            )
    planning.split_channels(1, spec.channels)  # at least one positive weight
    if not spec.units:
        raise ValidationFailed("the programme has no units; add at least one")
    if len({u.unit_id for u in spec.units}) != len(spec.units):
        raise ValidationFailed("a unit is listed twice in the programme")
    codes = [sc.code for sc in spec.scenarios]
    if len(set(codes)) != len(codes):
        raise ValidationFailed("scenario codes must be unique within the programme")
    for sc in spec.scenarios:
        if not sc.code.strip() or not sc.title.strip():
            raise ValidationFailed("a scenario needs a code and a title (the case presented)")
        if sc.channel not in spec.channels:
            raise ValidationFailed(
                "scenario {code}: channel {channel} is not one of the programme's",
                code=sc.code,
                channel=sc.channel,
            )
        if sc.weight <= 0:
            raise ValidationFailed("scenario {code}: the weight must be positive", code=sc.code)
    for a in spec.auditors:
        if a.weekly_capacity < 1:
            raise ValidationFailed(
                "auditor #{user}: weekly capacity must be at least 1", user=a.user_id
            )


def _traffic(s: Session, unit_id: int, start: date, end: date) -> int | None:
    n = s.scalar(
        select(func.count(CaseRecord.id)).where(
            CaseRecord.unit_id == unit_id,
            CaseRecord.started_on >= start,
            CaseRecord.started_on <= end,
        )
    )
    return int(n) if n else None


def _last_result(s: Session, unit_id: int, start: date, end: date) -> float | None:
    rows = s.execute(
        select(Audit.passed).where(
            Audit.unit_id == unit_id,
            Audit.status.in_(("completed", "signed")),
            Audit.superseded.is_(False),
            Audit.visited_at >= start,
            Audit.visited_at < end + timedelta(days=1),
        )
    ).all()
    if not rows:
        return None
    return sum(1 for (p,) in rows if p) / len(rows)


def create_programme(ctx: AppContext, spec: ProgrammeSpec) -> int:
    """Stores a programme (HR, quality staff, administrators); returns its id. Traffic and
    last result not given are read from the registers of the previous period."""
    require_planner(ctx.actor)
    _check_spec(spec)
    for u in spec.units:
        planning.parse_hours(u.hours)
    prev_from, prev_to = previous_period(spec.period_from, spec.period_to)
    with ctx.db.session() as s:
        forms = _checklists(s)
        for u in spec.units:
            if s.get(OrgUnit, u.unit_id) is None:
                raise ValidationFailed(
                    "unit #{unit_id} does not exist; choose a unit from the list",
                    unit_id=u.unit_id,
                )
        for a in spec.auditors:
            user = s.get(User, a.user_id)
            if user is None or user.role != Role.AUDITOR or not user.active:
                raise ValidationFailed(
                    "user #{user} is not an active auditor; choose auditors only", user=a.user_id
                )
        programme = PlanProgramme(
            name=spec.name.strip(),
            period_from=spec.period_from,
            period_to=spec.period_to,
            mode="precision" if spec.margin is not None else "budget",
            margin=spec.margin,
            confidence=spec.confidence,
            budget=spec.budget,
            allocation=spec.allocation,
            channels_json=json.dumps(dict(spec.channels), sort_keys=True),
            seed=spec.seed,
            created_by=ctx.actor.login,
        )
        s.add(programme)
        s.flush()
        for u in spec.units:
            traffic = u.traffic
            if traffic is None:
                traffic = _traffic(s, u.unit_id, prev_from, prev_to)
            last = u.last_result
            if last is None:
                last = _last_result(s, u.unit_id, prev_from, prev_to)
            s.add(
                PlanUnit(
                    programme_id=programme.id,
                    unit_id=u.unit_id,
                    hours=planning.parse_hours(u.hours).text(),
                    traffic=traffic,
                    last_result=last,
                )
            )
        for sc in spec.scenarios:
            s.add(
                PlanScenario(
                    programme_id=programme.id,
                    code=sc.code.strip(),
                    channel=sc.channel,
                    form_id=_form_for(forms, sc.channel, sc.form_id),
                    title=sc.title.strip(),
                    brief=sc.brief.strip(),
                    weight=sc.weight,
                )
            )
        for a in spec.auditors:
            s.add(
                PlanAuditor(
                    programme_id=programme.id,
                    user_id=a.user_id,
                    weekly_capacity=a.weekly_capacity,
                )
            )
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "create",
            "plan_programme",
            programme.id,
            after={
                "name": programme.name,
                "mode": programme.mode,
                "units": len(spec.units),
                "scenarios": len(spec.scenarios),
                "auditors": len(spec.auditors),
            },
        )
        return programme.id


def _units(s: Session, programme_id: int) -> list[PlanUnit]:
    return list(
        s.scalars(
            select(PlanUnit).where(PlanUnit.programme_id == programme_id).order_by(PlanUnit.id)
        )
    )


def _compute(s: Session, programme: PlanProgramme) -> None:
    units = _units(s, programme.id)
    basis = [planning.UnitBasis(u.unit_id, u.traffic, u.last_result) for u in units]
    if programme.mode == "precision":
        assert programme.margin is not None
        allocations = planning.allocate_precision(basis, programme.margin, programme.confidence)
    else:
        assert programme.budget is not None
        allocations = planning.allocate_budget(
            basis, programme.budget, programme.allocation, programme.confidence
        )
    for u, a in zip(units, allocations, strict=True):
        u.visits, u.planning_p, u.margin = a.visits, a.p, a.margin
        u.reason = said_json(a.reason)
    programme.stage = "computed"
    programme.updated_at = utcnow()


def _started(s: Session, programme_id: int) -> int:
    n = s.scalar(
        select(func.count(PlannedVisit.id)).where(
            PlannedVisit.programme_id == programme_id,
            PlannedVisit.audit_id.is_not(None) | PlannedVisit.status.in_(("missed", "cancelled")),
        )
    )
    return int(n or 0)


def _schedule_slots(
    s: Session, programme: PlanProgramme
) -> tuple[list[planning.PlannedSlot], list[planning.Said]]:
    """The new schedule in memory (the old one deleted), scenarios rotated."""
    started = _started(s, programme.id)
    if started:
        raise ValidationFailed(
            "the plan has begun ({count} visits done, missed or cancelled); replace single "
            "visits instead of planning it again",
            count=started,
        )
    s.execute(delete(PlannedVisit).where(PlannedVisit.programme_id == programme.id))
    channels: dict[str, float] = json.loads(programme.channels_json)
    units = _units(s, programme.id)
    days = _weekday_weights(s, [u.unit_id for u in units], programme)
    demands = []
    for u in units:
        hours = planning.parse_hours(u.hours)
        for channel, n in planning.split_channels(u.visits, channels).items():
            demands.append(
                planning.Demand(u.unit_id, channel, n, hours, day_weights=days.get(u.unit_id))
            )
    slots, problems = planning.schedule(
        demands, programme.period_from, programme.period_to, programme.seed
    )
    scenarios = list(
        s.scalars(select(PlanScenario).where(PlanScenario.programme_id == programme.id))
    )
    for channel in channels:
        weights = {sc.code: sc.weight for sc in scenarios if sc.channel == channel}
        planning.rotate_scenarios([v for v in slots if v.channel == channel], weights)
    return slots, problems


MIN_CASES_FOR_WEEKDAYS = 30
"""Fewer cases than this in the previous period say too little of the weekdays clients come."""


def _weekday_weights(
    s: Session, unit_ids: list[int], programme: PlanProgramme
) -> dict[int, dict[int, float]]:
    """Per unit, the cases registered on each weekday in the previous period of the same
    length (the EZD register; one row per day read, not per case)."""
    start, end = previous_period(programme.period_from, programme.period_to)
    counts: dict[int, dict[int, float]] = {}
    rows = s.execute(
        select(CaseRecord.unit_id, CaseRecord.started_on, func.count(CaseRecord.id))
        .where(
            CaseRecord.unit_id.in_(unit_ids),
            CaseRecord.started_on >= start,
            CaseRecord.started_on <= end,
        )
        .group_by(CaseRecord.unit_id, CaseRecord.started_on)
    )
    for unit_id, day, n in rows:
        if unit_id is not None and day.weekday() < 5:
            per_day = counts.setdefault(unit_id, {})
            per_day[day.weekday()] = per_day.get(day.weekday(), 0.0) + float(n)
    return {u: w for u, w in counts.items() if sum(w.values()) >= MIN_CASES_FOR_WEEKDAYS}


def _insert(s: Session, programme: PlanProgramme, slots: list[planning.PlannedSlot]) -> None:
    """The planned visits in one executemany (a year of 40 units is thousands of rows)."""
    if slots:
        s.execute(
            insert(PlannedVisit),
            [
                {
                    "programme_id": programme.id,
                    "unit_id": v.unit_id,
                    "channel": v.channel,
                    "scenario_code": v.scenario,
                    "planned_at": v.at,
                    "auditor_id": v.auditor_id,
                    "status": "planned",
                    "status_reason": "",
                    "reason": said_json(v.reason),
                    "assign_reason": said_json(v.assign_reason),
                }
                for v in slots
            ],
        )


def _schedule(s: Session, programme: PlanProgramme) -> list[planning.Said]:
    slots, problems = _schedule_slots(s, programme)
    _insert(s, programme, slots)
    programme.stage = "scheduled"
    programme.problems = _problems_json(problems)
    programme.updated_at = utcnow()
    return problems


def auditor_bases(s: Session, programme_id: int) -> list[planning.AuditorBasis]:
    """The programme's auditors with their weekly capacity, own unit and former units."""
    rows = s.execute(
        select(PlanAuditor.user_id, PlanAuditor.weekly_capacity, Employee.unit_id)
        .join(User, User.id == PlanAuditor.user_id)
        .outerjoin(Employee, Employee.id == User.employee_id)
        .where(PlanAuditor.programme_id == programme_id)
        .order_by(PlanAuditor.user_id)
    ).all()
    excluded: dict[int, set[int]] = {}
    for user_id, unit_id in s.execute(select(AuditorExclusion.user_id, AuditorExclusion.unit_id)):
        excluded.setdefault(user_id, set()).add(unit_id)
    return [
        planning.AuditorBasis(uid, cap, frozenset(excluded.get(uid, ())), own)
        for uid, cap, own in rows
    ]


def slot_of(v: PlannedVisit) -> planning.PlannedSlot:
    return planning.PlannedSlot(
        v.unit_id,
        v.channel,
        v.planned_at,
        said_of(v.reason),
        v.scenario_code,
        v.auditor_id,
    )


def _assign(s: Session, programme: PlanProgramme) -> list[planning.Said]:
    visits = list(
        s.scalars(
            select(PlannedVisit)
            .where(PlannedVisit.programme_id == programme.id, PlannedVisit.status == "planned")
            .order_by(PlannedVisit.planned_at, PlannedVisit.id)
        )
    )
    open_visits = [v for v in visits if v.audit_id is None]
    slots = [slot_of(v) for v in open_visits]
    existing = [slot_of(v) for v in visits if v.audit_id is not None]
    problems = planning.assign(slots, auditor_bases(s, programme.id), programme.seed, existing)
    if open_visits:
        s.execute(
            update(PlannedVisit),
            [
                {
                    "id": v.id,
                    "auditor_id": slot.auditor_id,
                    "assign_reason": said_json(slot.assign_reason),
                }
                for v, slot in zip(open_visits, slots, strict=True)
            ],
        )
    programme.stage = "assigned"
    kept = [p for p in _problems_of(programme.problems) if "no auditor free" not in p]
    programme.problems = _problems_json(kept + problems)
    programme.updated_at = utcnow()
    return problems


def _log(
    ctx: AppContext, s: Session, action: str, programme: PlanProgramme, **after: object
) -> None:
    # the trail names counts, never planned dates (it is HR's and administrators' to read)
    trail.record(s, ctx.actor, action, "plan_programme", programme.id, after=after)


def compute_programme(ctx: AppContext, programme_id: int) -> list[UnitPlanRow]:
    """The visits each unit needs (precision target) or gets (budget), with the precision."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = _get(s, programme_id)
        _compute(s, programme)
        units = _unit_rows(s, programme.id)
        _log(ctx, s, "compute", programme, visits=sum(u.visits for u in units))
        return units


def schedule_programme(ctx: AppContext, programme_id: int) -> list[planning.Said]:
    """Dates and times for the computed visits (computing first if not done); returns what
    the schedule could not meet."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = _get(s, programme_id)
        if programme.stage == "draft":
            _compute(s, programme)
        problems = _schedule(s, programme)
        _log(ctx, s, "schedule", programme, problems=len(problems))
        return problems


def assign_programme(ctx: AppContext, programme_id: int) -> list[planning.Said]:
    """Auditors for the scheduled visits; returns the visits left without one."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = _get(s, programme_id)
        if programme.stage in ("draft", "computed"):
            raise ValidationFailed(
                "programme #{programme} has no schedule yet; schedule it first",
                programme=programme_id,
            )
        problems = _assign(s, programme)
        _log(ctx, s, "assign", programme, unassigned=len(problems))
        return problems


def plan_programme(ctx: AppContext, programme_id: int) -> ProgrammeView:
    """Computes, schedules and assigns in one transaction; returns the programme."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        programme = _get(s, programme_id)
        _compute(s, programme)
        slots, problems = _schedule_slots(s, programme)
        problems += planning.assign(slots, auditor_bases(s, programme.id), programme.seed)
        _insert(s, programme, slots)
        programme.stage = "assigned"
        programme.problems = _problems_json(problems)
        programme.updated_at = utcnow()
        _log(ctx, s, "plan", programme, problems=len(problems))
    return programme_view(ctx, programme_id)


def _codes(s: Session) -> dict[int, tuple[str, str]]:
    return {i: (c, n) for i, c, n in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))}


def _unit_rows(s: Session, programme_id: int) -> list[UnitPlanRow]:
    codes = _codes(s)
    return [
        UnitPlanRow(
            u.unit_id,
            codes[u.unit_id][0],
            codes[u.unit_id][1],
            u.hours,
            u.traffic,
            u.last_result,
            u.visits,
            u.planning_p,
            u.margin,
            said_of(u.reason),
        )
        for u in _units(s, programme_id)
    ]


def _programme_row(s: Session, p: PlanProgramme) -> ProgrammeRow:
    visits = s.scalar(select(func.count(PlannedVisit.id)).where(PlannedVisit.programme_id == p.id))
    return ProgrammeRow(
        p.id,
        p.name,
        p.period_from,
        p.period_to,
        p.mode,
        p.margin,
        p.budget,
        p.confidence,
        p.allocation,
        json.loads(p.channels_json),
        p.seed,
        p.stage,
        int(visits or 0),
    )


def programmes(ctx: AppContext) -> list[ProgrammeRow]:
    """Every programme, newest period first (HR, quality staff, administrators)."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        rows = s.scalars(
            select(PlanProgramme).order_by(PlanProgramme.period_from.desc(), PlanProgramme.id)
        )
        return [_programme_row(s, p) for p in rows]


def programme_view(ctx: AppContext, programme_id: int) -> ProgrammeView:
    """One programme with its units (visits and precision), scenarios and auditors."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        p = _get(s, programme_id)
        codes = _codes(s)
        scenarios = [
            ScenarioRow(sc.code, sc.channel, sc.form_id, sc.title, sc.brief, sc.weight)
            for sc in s.scalars(
                select(PlanScenario)
                .where(PlanScenario.programme_id == p.id)
                .order_by(PlanScenario.code)
            )
        ]
        users = {u.id: u for u in s.scalars(select(User))}
        auditors = []
        for basis in auditor_bases(s, p.id):
            user = users[basis.auditor_id]
            auditors.append(
                AuditorRow(
                    user.id,
                    user.login,
                    user.display_name,
                    basis.weekly_capacity,
                    codes[basis.own_unit][0] if basis.own_unit is not None else "",
                    tuple(sorted(codes[u][0] for u in basis.excluded_units)),
                )
            )
        return ProgrammeView(
            _programme_row(s, p),
            _unit_rows(s, p.id),
            scenarios,
            auditors,
            _problems_of(p.problems),
        )


def set_exclusions(ctx: AppContext, user_id: int, unit_ids: Sequence[int], note: str = "") -> None:
    """The units an auditor worked in and may therefore not audit (replaces their list)."""
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("user #{user} does not exist", user=user_id)
        for unit_id in unit_ids:
            if s.get(OrgUnit, unit_id) is None:
                raise ValidationFailed("unit #{unit_id} does not exist", unit_id=unit_id)
        s.execute(delete(AuditorExclusion).where(AuditorExclusion.user_id == user_id))
        s.add_all(
            AuditorExclusion(user_id=user_id, unit_id=u, note=note.strip()[:300])
            for u in sorted(set(unit_ids))
        )
        trail.record(
            s, ctx.actor, "exclude", "auditor", user_id, after={"units": sorted(set(unit_ids))}
        )


def exclusions(ctx: AppContext, user_id: int) -> list[int]:
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditorExclusion.unit_id)
                .where(AuditorExclusion.user_id == user_id)
                .order_by(AuditorExclusion.unit_id)
            )
        )


@dataclass(frozen=True)
class UnitChoice:
    id: int
    code: str
    name: str
    customer_facing: bool


@dataclass(frozen=True)
class AuditorChoice:
    id: int
    login: str
    name: str


@dataclass(frozen=True)
class PlanChoices:
    """What a new programme can be made of: the units and the active auditors."""

    units: list[UnitChoice]
    auditors: list[AuditorChoice]


def plan_choices(ctx: AppContext) -> PlanChoices:
    require_planner(ctx.actor)
    with ctx.db.session() as s:
        units = [
            UnitChoice(u.id, u.code, u.name, u.customer_facing)
            for u in s.scalars(select(OrgUnit).order_by(OrgUnit.code))
        ]
        auditors = [
            AuditorChoice(u.id, u.login, u.display_name)
            for u in s.scalars(
                select(User)
                .where(User.role == Role.AUDITOR, User.active.is_(True))
                .order_by(User.login)
            )
        ]
        return PlanChoices(units, auditors)
