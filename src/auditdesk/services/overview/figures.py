"""The overview's figures per unit and for the whole office, made of the sums each method's
source reads as grouped aggregates in SQL (services/overview/sources: one module per method).

Each proportion carries its n and its 95 % Wilson interval. A change from the previous period is
tested with the two-proportion z-test, and flagged only when it stays significant after the
correction for every comparison the table makes (Holm by default; docs/monitoring.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.multiple_testing import Correction, significant_after_correction
from auditdesk.domain.statistics import Proportion, two_proportion_test
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.overview.period import Period, period_of, previous_period
from auditdesk.services.overview.sources import (
    appraisals,
    audits,
    cases,
    complaints,
    overdue,
    research,
    surveys,
    visit_plan,
)
from auditdesk.services.overview.sources.visit_plan import PlanProgress
from auditdesk.services.overview.targets import Target, targets
from auditdesk.services.plan.access import is_planner
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.models import OrgUnit

__all__ = [
    "INDICATORS",
    "PROPORTIONS",
    "Cell",
    "Overview",
    "OverviewRow",
    "Period",
    "PlanProgress",
    "overview",
    "period_of",
    "previous_period",
]

# indicator key → (method, higher is better); the order of the overview's columns
INDICATORS: dict[str, tuple[str, bool]] = {
    "timeliness": ("cases", True),
    "complaints_count": ("complaints", False),
    "complaints_on_time": ("complaints", True),
    "complaints_justified": ("complaints", False),
    "mystery_passed": ("mystery", True),
    "mystery_score": ("mystery", True),
    "appraisals_current": ("appraisals", True),
    "surveys_index": ("surveys", True),
    "surveys_positive": ("surveys", True),
    "research_studies": ("research", True),
    "research_actions_done": ("research", True),
}
PROPORTIONS = (
    "timeliness",
    "complaints_on_time",
    "complaints_justified",
    "mystery_passed",
    "appraisals_current",
    "surveys_positive",
    "research_actions_done",
)
# figures that are a mean weighted by their n (not summed) in the office row
MEANS = ("mystery_score", "surveys_index")


@dataclass(frozen=True)
class Cell:
    indicator: str
    value: float | None  # percent for a proportion, a count or a mean score otherwise
    n: int
    interval: tuple[float, float] | None = None  # percent
    previous: float | None = None
    change: int = 0  # +1 / -1 when significant after the correction, 0 otherwise
    p_value: float | None = None
    target: Target | None = None

    @property
    def target_met(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.target.met(self.value)


@dataclass
class OverviewRow:
    unit_id: int | None  # None: the whole office
    unit_code: str
    unit_name: str
    cells: dict[str, Cell] = field(default_factory=dict)
    overdue_cases: int = 0
    critical_failures: int = 0
    no_deadline_cases: int = 0
    overdue_actions: int = 0  # improvement actions past their due date today (the clock's)
    # the visit plan's progress in the period (issue 18): visits done of those due (planned or
    # done; a missed or cancelled visit counts through its replacement); None: the plan is
    # confidential to this person (only HR, quality staff and administrators see it)
    plan: PlanProgress | None = None


@dataclass(frozen=True)
class Overview:
    period: Period
    previous: Period
    rows: list[OverviewRow]
    correction: Correction
    comparisons: int  # how many changes were tested (the correction's family)


def _figures(s: Session, p: Period, units: set[int] | None) -> dict[int, dict[str, Any]]:
    """Per unit: indicator → (successes, n) for a proportion, (value, n) otherwise, plus extras."""
    out: dict[int, dict[str, Any]] = defaultdict(dict)
    for uid, (judged, on_time, late, unknown) in cases.case_counts(s, p, units).items():
        out[uid]["timeliness"] = (on_time, judged)
        out[uid]["overdue_cases"] = late
        out[uid]["no_deadline_cases"] = unknown
    for uid, (received, with_due, ok, justified, decided) in complaints.complaint_counts(
        s, p, units
    ).items():
        out[uid]["complaints_count"] = (received, received)
        out[uid]["complaints_on_time"] = (ok, with_due)
        out[uid]["complaints_justified"] = (justified, decided)
    for uid, (n, passed, score, critical) in audits.audit_counts(s, p, units).items():
        out[uid]["mystery_passed"] = (passed, n)
        out[uid]["mystery_score"] = (score, n)
        out[uid]["critical_failures"] = critical
    for uid, (staff, current) in appraisals.appraisal_counts(s, p, units).items():
        out[uid]["appraisals_current"] = (current, staff)
    for uid, (weighted, indexed, responses, positive, answers) in surveys.survey_counts(
        s, p, units
    ).items():
        if indexed:
            out[uid]["surveys_index"] = (weighted / indexed, indexed)
        if answers:
            out[uid]["surveys_positive"] = (positive, answers)
        out[uid]["survey_responses"] = responses
    for key, figures in _research_figures(research.research_counts(s, p, units)).items():
        if key is None:
            out[OFFICE_RESEARCH].update(figures)
        else:
            out[key].update(figures)
    return out


OFFICE_RESEARCH = -1  # the office's own research figures (a study of several units counts once)


def _research_figures(found: dict[int | None, list[float]]) -> dict[int | None, dict[str, Any]]:
    return {
        key: {
            "research_studies": (studies, studies),
            "research_actions_done": (done, total),
        }
        for key, (studies, total, done) in found.items()
    }


def _total(figures_by_unit: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """The office's row: sums over the units, means weighted by their n, and the office's own
    research figures (a study of several units counted once)."""
    total: dict[str, Any] = {}
    means: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for uid, figures in figures_by_unit.items():
        if uid == OFFICE_RESEARCH:
            continue
        for key, value in figures.items():
            if key.startswith("research_"):
                continue
            if key in MEANS:
                means[key].append(value)
            elif isinstance(value, tuple):
                a, b = total.get(key, (0.0, 0.0))
                total[key] = (a + value[0], b + value[1])
            else:
                total[key] = total.get(key, 0.0) + value
    for key, values in means.items():
        n = sum(count for _mean, count in values)
        if n:
            total[key] = (sum(mean * count for mean, count in values) / n, n)
    total.update(figures_by_unit.get(OFFICE_RESEARCH, {}))
    return total


def _cell(key: str, now: Any, before: Any, target: Target | None) -> tuple[Cell, Any]:
    """The cell and, for a proportion with both periods, the test of its change."""
    if now is None:
        return Cell(key, None, 0, target=target), None
    if key in PROPORTIONS:
        current = Proportion(int(now[0]), int(now[1]))
        interval = current.wilson()
        prev = Proportion(int(before[0]), int(before[1])) if before else None
        test = two_proportion_test(current, prev) if prev is not None else None
        cell = Cell(
            key,
            current.percent,
            current.n,
            None if interval is None else (100 * interval[0], 100 * interval[1]),
            prev.percent if prev is not None else None,
            target=target,
        )
        return cell, test
    value, n = now
    previous = before[0] if before else None
    return Cell(key, float(value), int(n), previous=previous, target=target), None


def _target(found: list[Target], key: str, unit_id: int | None) -> Target | None:
    own = [t for t in found if t.indicator == key and t.unit_id == unit_id]
    office = [t for t in found if t.indicator == key and t.unit_id is None]
    found_one = own or office
    return found_one[0] if found_one else None


def overview(
    ctx: AppContext, period: Period, *, correction: Correction = Correction.HOLM
) -> Overview:
    """Every visible unit's row (units with any figure) and the office's row first."""
    require(ctx.actor, Permission.VIEW_CASES)
    before_period = previous_period(period)
    goals = targets(ctx)
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        now = _figures(s, period, units)
        before = _figures(s, before_period, units)
        now_office, before_office = _total(now), _total(before)
        now.pop(OFFICE_RESEARCH, None)
        before.pop(OFFICE_RESEARCH, None)
        late = overdue.overdue_actions(s, ctx.clock.today(), units)
        plan = visit_plan.plan_progress(s, period, units) if is_planner(ctx.actor) else None
        names = {
            uid: (code, name)
            for uid, code, name in s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))
        }
    ids = sorted(
        set(now) | set(before) | {uid for uid in late if uid is not None} | set(plan or {}),
        key=lambda uid: names.get(uid, ("", ""))[0],
    )
    grid: list[tuple[int | None, dict[str, Any], dict[str, Any]]] = [
        (None, now_office, before_office)
    ] + [(uid, now.get(uid, {}), before.get(uid, {})) for uid in ids]
    rows: list[OverviewRow] = []
    tests: list[tuple[OverviewRow, str, Any]] = []
    for uid, figures, previous in grid:
        code, name = names.get(uid, ("", "")) if uid is not None else ("", "")
        row = OverviewRow(
            uid,
            code,
            name,
            overdue_cases=int(figures.get("overdue_cases", 0)),
            critical_failures=int(figures.get("critical_failures", 0)),
            no_deadline_cases=int(figures.get("no_deadline_cases", 0)),
            overdue_actions=sum(late.values()) if uid is None else late.get(uid, 0),
            plan=_plan_of(plan, uid),
        )
        for key in INDICATORS:
            cell, test = _cell(key, figures.get(key), previous.get(key), _target(goals, key, uid))
            row.cells[key] = cell
            if test is not None:
                tests.append((row, key, test))
        rows.append(row)
    flags = significant_after_correction(
        [t.p_value for _r, _k, t in tests],
        correction,
        eligible=[_large(t) for _r, _k, t in tests],
    )
    for (row, key, test), flagged in zip(tests, flags, strict=True):
        cell = row.cells[key]
        change = (1 if test.difference > 0 else -1) if flagged else 0
        row.cells[key] = Cell(
            cell.indicator,
            cell.value,
            cell.n,
            cell.interval,
            cell.previous,
            change,
            test.p_value,
            cell.target,
        )
    return Overview(period, before_period, rows, correction, len(tests))


def _plan_of(plan: dict[int, PlanProgress] | None, uid: int | None) -> PlanProgress | None:
    """A unit's progress (0 of 0 when it has no visits); the office's is the sum."""
    if plan is None:
        return None
    if uid is None:
        return PlanProgress(sum(x.done for x in plan.values()), sum(x.due for x in plan.values()))
    return plan.get(uid, PlanProgress(0, 0))


def _large(test: Any) -> bool:
    """two_proportion_test marks a small sample never significant; keep that rule here: a test
    whose uncorrected p is below 5 % but not marked significant was too small."""
    return bool(test.significant) or test.p_value >= 0.05
