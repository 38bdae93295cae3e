"""Per-standard results: for a period and units, the share of audits meeting each item
("official introduced themselves: 92 % of 48 visits"), per section and overall, by unit and by
month. Every share carries its sample size and a Wilson 95 % interval; a difference between two
units or two months is marked only when a two-proportion test finds it significant.

One grouped query over the answers (a covering index makes it an index scan) feeds everything;
only completed or signed audits count, and an audit replaced by an amendment or re-audit is left
out in favour of its replacement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.multiple_testing import Correction, significant_after_correction
from auditdesk.domain.statistics import Comparison, Proportion, two_proportion_test
from auditdesk.services.audits.access import scope
from auditdesk.services.audits.counts import AUDIT_ROW, COUNTED_STATUSES
from auditdesk.services.audits.scoring import checklist_of
from auditdesk.services.context import AppContext
from auditdesk.services.unit_scope import supervised_unit_ids
from auditdesk.store.models import (
    Audit,
    AuditAnswer,
    AuditStandardCount,
    FormVersion,
    OrgUnit,
    Role,
)

OVERALL = "__overall__"


@dataclass(frozen=True)
class ResultsQuery:
    form_id: str
    start: date
    end: date  # inclusive
    unit_ids: tuple[int, ...] = ()  # empty: every unit the actor may see
    language: str = "pl"


@dataclass
class StandardRow:
    """One line of the report: an item, a section (its item checks pooled) or the overall pass
    rate of audits."""

    key: str
    level: str  # "item", "section", "overall"
    section_id: str
    text: str
    total: Proportion
    by_unit: dict[int, Proportion] = field(default_factory=dict)
    by_month: dict[str, Proportion] = field(default_factory=dict)
    critical: bool = False


@dataclass
class ResultsReport:
    query: ResultsQuery
    form_title: str
    audits: int
    mean_score: float | None
    units: list[tuple[int, str, str]]  # id, code, name (those with data)
    months: list[str]  # "2026-01", … (those with data)
    rows: list[StandardRow]

    def compare_units(self, row: StandardRow, a: int, b: int) -> Comparison | None:
        return two_proportion_test(
            row.by_unit.get(a, Proportion(0, 0)), row.by_unit.get(b, Proportion(0, 0))
        )

    def month_change(self, row: StandardRow, month: str) -> Comparison | None:
        """This month against the month before it in the report (None for the first)."""
        i = self.months.index(month)
        if i == 0:
            return None
        return two_proportion_test(
            row.by_month.get(month, Proportion(0, 0)),
            row.by_month.get(self.months[i - 1], Proportion(0, 0)),
        )

    def unit_comparisons(
        self, a: int, b: int, correction: Correction = Correction.HOLM
    ) -> dict[str, Comparison | None]:
        """Every row's unit A against unit B, significant only after the correction for all
        the rows compared at once (issue 17, docs/monitoring.md)."""
        return _corrected({row.key: self.compare_units(row, a, b) for row in self.rows}, correction)

    def month_changes(
        self,
        levels: tuple[str, ...] = ("overall", "section"),
        correction: Correction = Correction.HOLM,
    ) -> dict[tuple[str, str], Comparison | None]:
        """Each month against the one before, for the rows of `levels`, corrected together."""
        tests = {
            (row.key, month): self.month_change(row, month)
            for row in self.rows
            if row.level in levels
            for month in self.months
        }
        return _corrected(tests, correction)


K = TypeVar("K")


def _corrected(
    tests: dict[K, Comparison | None], correction: Correction
) -> dict[K, Comparison | None]:
    """The same tests with `significant` decided after the correction: a test too small to be
    marked on its own (two_proportion_test's rule) stays unmarked but counts in the family."""
    keys = [k for k, t in tests.items() if t is not None]
    found = [tests[k] for k in keys]
    flags = significant_after_correction(
        [t.p_value for t in found if t is not None],
        correction,
        eligible=[t.significant or t.p_value >= 0.05 for t in found if t is not None],
    )
    out: dict[K, Comparison | None] = dict(tests)
    for key, test, flag in zip(keys, found, flags, strict=True):
        assert test is not None
        out[key] = replace(test, significant=flag)
    return out


def _forms_of(s: Session, form_id: str) -> list[ChecklistForm]:
    ids = s.scalars(
        select(FormVersion.id).where(FormVersion.form_id == form_id).order_by(FormVersion.id.desc())
    ).all()
    return [checklist_of(s, i) for i in ids]


Rows = list[tuple[Any, ...]]


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def split_months(start: date, end: date) -> list[tuple[date, date, bool]]:
    """The period as (start, end, whole months?) pieces: a partial first and last month are
    counted from the answers, the whole months between them from the running totals."""
    if end < start:
        return []
    first_whole = start if start.day == 1 else _month_end(start) + timedelta(days=1)
    last_whole = end if end == _month_end(end) else end.replace(day=1) - timedelta(days=1)
    if first_whole > last_whole:
        return [(start, end, False)]
    out = []
    if start < first_whole:
        out.append((start, first_whole - timedelta(days=1), False))
    out.append((first_whole, last_whole, True))
    if last_whole < end:
        out.append((last_whole + timedelta(days=1), end, False))
    return out


def _whole_months(q: ResultsQuery) -> bool:
    return split_months(q.start, q.end) == [(q.start, q.end, True)]


def _from_totals(s: Session, ctx: AppContext, q: ResultsQuery) -> tuple[Rows, Rows]:
    """Whole months: summed from the running totals (a few thousand rows for a year)."""
    T = AuditStandardCount
    where = [T.form_id == q.form_id, T.period >= f"{q.start:%Y-%m}", T.period <= f"{q.end:%Y-%m}"]
    if q.unit_ids:
        where.append(T.unit_id.in_(q.unit_ids))
    if ctx.actor.role == Role.SUPERVISOR:
        where.append(T.unit_id.in_(supervised_unit_ids(s, ctx.actor)))
    rows = s.execute(
        select(T.period, T.unit_id, T.item_id, T.n, T.met, T.score_sum, T.scored).where(
            *where, T.n > 0
        )
    ).all()
    answers = [(p, u, i, n, k) for p, u, i, n, k, _s, _c in rows if i != AUDIT_ROW]
    audits = [
        (p, u, n, k, total, scored) for p, u, i, n, k, total, scored in rows if i == AUDIT_ROW
    ]
    return answers, audits


def _from_answers(s: Session, ctx: AppContext, q: ResultsQuery) -> tuple[Rows, Rows]:
    """Any dates, any role: counted from the answers themselves."""
    lo = datetime.combine(q.start, time.min)
    hi = datetime.combine(q.end, time.max)
    base = select(Audit.id).where(
        Audit.form_id == q.form_id,
        Audit.visited_at >= lo,
        Audit.visited_at <= hi,
        Audit.status.in_(COUNTED_STATUSES),
        Audit.superseded.is_(False),
    )
    if q.unit_ids:
        base = base.where(Audit.unit_id.in_(q.unit_ids))
    ids = scope(base, s, ctx.actor).subquery()
    met = func.sum(case((AuditAnswer.met.is_(True), 1), else_=0))
    answer_rows = s.execute(
        select(Audit.period, Audit.unit_id, AuditAnswer.item_id, func.count(AuditAnswer.met), met)
        .join(Audit, Audit.id == AuditAnswer.audit_id)
        .where(AuditAnswer.audit_id.in_(select(ids.c.id)), AuditAnswer.met.is_not(None))
        .group_by(Audit.period, Audit.unit_id, AuditAnswer.item_id)
    ).all()
    passed = func.sum(case((Audit.passed.is_(True), 1), else_=0))
    audit_rows = s.execute(
        select(
            Audit.period,
            Audit.unit_id,
            func.count(),
            passed,
            func.coalesce(func.sum(Audit.score), 0.0),
            func.count(Audit.score),
        )
        .where(Audit.id.in_(select(ids.c.id)))
        .group_by(Audit.period, Audit.unit_id)
    ).all()
    return [tuple(r) for r in answer_rows], [tuple(r) for r in audit_rows]


def standard_results(ctx: AppContext, q: ResultsQuery) -> ResultsReport:
    """The report for one form: whole months come from the running totals, other periods
    (and an auditor's own audits) are counted from the answers; both give the same numbers."""
    lang = q.language
    with ctx.db.session() as s:
        forms = _forms_of(s, q.form_id)
        answer_rows: Rows = []
        audit_rows: Rows = []
        if ctx.actor.role == Role.AUDITOR:  # their own audits only: the totals cannot tell
            segments = [(q.start, q.end, False)]
        else:
            segments = split_months(q.start, q.end)
        for start, end, whole in segments:
            part = ResultsQuery(q.form_id, start, end, q.unit_ids, q.language)
            a, b = _from_totals(s, ctx, part) if whole else _from_answers(s, ctx, part)
            answer_rows += a
            audit_rows += b
        unit_names = {u.id: (u.code, u.name) for u in s.scalars(select(OrgUnit))}
    title = forms[0].title.get(lang) if forms else q.form_id
    # where each item sits and how it reads: the newest version first, older ones fill gaps
    meta: dict[str, tuple[str, str, bool]] = {}
    section_titles: dict[str, str] = {}
    order: list[str] = []
    for form in forms:
        for section in form.sections:
            section_titles.setdefault(section.id, section.title.get(lang))
            for item in section.items:
                if item.id not in meta and item.scored:
                    meta[item.id] = (section.id, item.text.get(lang), item.critical is not None)
                    order.append(item.id)
    counts: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0])
    for period, unit_id, item_id, n, k in answer_rows:
        cell = counts[(item_id, period, unit_id)]
        cell[0] += int(k or 0)
        cell[1] += int(n)
    months = sorted({r[0] for r in audit_rows})
    units_seen = sorted({r[1] for r in audit_rows}, key=lambda u: unit_names.get(u, ("", ""))[0])
    rows: list[StandardRow] = []

    def build(
        key: str,
        level: str,
        section_id: str,
        text: str,
        cells: list[tuple[str, int, int, int]],
        critical: bool = False,
    ) -> StandardRow:
        by_unit: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        by_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        total = [0, 0]
        for period, unit_id, k, n in cells:
            for acc in (by_unit[unit_id], by_month[period], total):
                acc[0] += k
                acc[1] += n
        return StandardRow(
            key,
            level,
            section_id,
            text,
            Proportion(*total),
            {u: Proportion(*v) for u, v in by_unit.items()},
            {m: Proportion(*v) for m, v in by_month.items()},
            critical,
        )

    audits_total = sum(int(r[2]) for r in audit_rows)
    rows.append(
        build(
            OVERALL,
            "overall",
            "",
            "Audyty zaliczone" if lang == "pl" else "Audits passed",
            [(p, u, int(k or 0), int(n)) for p, u, n, k, _sum, _scored in audit_rows],
        )
    )
    by_section: dict[str, list[str]] = defaultdict(list)
    for item_id in order:
        by_section[meta[item_id][0]].append(item_id)
    for section_id, items in by_section.items():
        section_cells = [(p, u, v[0], v[1]) for (i, p, u), v in counts.items() if i in items]
        if not section_cells:
            continue
        rows.append(
            build(section_id, "section", section_id, section_titles[section_id], section_cells)
        )
        for item_id in items:
            cells = [(p, u, v[0], v[1]) for (i, p, u), v in counts.items() if i == item_id]
            if cells:
                rows.append(
                    build(item_id, "item", section_id, meta[item_id][1], cells, meta[item_id][2])
                )
    weighted = sum(float(total) for _p, _u, _n, _k, total, _c in audit_rows)
    scored_n = sum(int(c) for _p, _u, _n, _k, _t, c in audit_rows)
    return ResultsReport(
        query=q,
        form_title=title,
        audits=audits_total,
        mean_score=weighted / scored_n if scored_n else None,
        units=[(u, *unit_names.get(u, ("?", "?"))) for u in units_seen],
        months=months,
        rows=rows,
    )
