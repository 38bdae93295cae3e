"""The overview's mystery-client and complaint columns read through their covering indexes
(issue 17, migration 0019_overview_indexes): the new queries give exactly the figures of the old
ones (kept here) on the demo office with a few hundred audits and complaints added to catch the
edges (drafts, replaced audits, audits at midnight, no score; every kind of entry, settled or
not, with and without a deadline and an outcome), for every month, quarter, half-year and year
of the span, random ranges, all units and some; SQLite reads them from the indexes without
sorting; and the migration's downgrade takes the indexes away and its upgrade puts them back."""

from __future__ import annotations

import random
import re
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Table, and_, case, event, func, insert, inspect, select
from sqlalchemy.orm import Session

from auditdesk.services.context import AppContext
from auditdesk.services.overview import Period, overview, period_of
from auditdesk.services.overview.sources import audits, complaints
from auditdesk.services.overview.sources.common import Counts, day_start, grouped
from auditdesk.store.models import Audit, IndicatorEntry, OrgUnit
from migration_steps import downgrade, upgrade_to_heads

INDEXES = {
    "audit": "ix_audit_overview",
    "indicator_entry_received": "ix_indicator_entry_received_cover",
    "indicator_entry_settled": "ix_indicator_entry_settled_cover",
}


def old_audits(s: Session, p: Period, units: set[int] | None) -> Counts:
    """The overview's audit count before migration 0019 (kept here to compare against)."""
    a = Audit
    stmt = select(
        a.unit_id,
        func.count(),
        func.sum(case((a.passed.is_(True), 1), else_=0)),
        func.avg(a.score),
        func.sum(case((a.critical_failure.is_(True), 1), else_=0)),
    ).where(
        a.status.in_(("completed", "signed")),
        a.superseded.is_(False),
        a.visited_at >= day_start(p.start),
        a.visited_at < day_start(p.end + timedelta(days=1)),
    )
    return grouped(s, stmt, units, a.unit_id)


def old_complaints(s: Session, p: Period, units: set[int] | None) -> Counts:
    """The overview's complaint count before migration 0019 (kept here to compare against)."""
    e = IndicatorEntry
    settled = e.settled_on.between(p.start, p.end)
    received = e.received_on.between(p.start, p.end)
    stmt = select(
        e.unit_id,
        func.sum(case((received, 1), else_=0)),
        func.sum(case((and_(settled, e.due_on.is_not(None)), 1), else_=0)),
        func.sum(case((and_(settled, e.settled_on <= e.due_on), 1), else_=0)),
        func.sum(case((and_(settled, e.outcome.in_(("justified", "partly"))), 1), else_=0)),
        func.sum(
            case((and_(settled, e.outcome.in_(("justified", "partly", "unjustified"))), 1), else_=0)
        ),
    ).where(e.kind.in_(("complaint", "grievance", "request")), received | settled)
    return grouped(s, stmt, units, e.unit_id)


def add_edges(ctx: AppContext, today: date) -> None:
    """400 audits and 600 register entries over the demo's span, on purpose at the edges."""
    rng = random.Random(19)
    start = date(today.year - 2, 1, 1)
    span = (today - start).days + 60
    audit_table = cast(Table, Audit.__table__)
    entries = cast(Table, IndicatorEntry.__table__)
    with ctx.db.session() as s:
        units = sorted(s.scalars(select(OrgUnit.id)))
        sample = dict(s.execute(select(audit_table).limit(1)).one()._mapping)
        rows: list[dict[str, Any]] = []
        for i in range(400):
            day = start + timedelta(days=rng.randrange(span))
            when = datetime.combine(day, rng.choice((time.min, time(23, 59, 59), time(10, 30))))
            row = dict(sample)
            row.pop("id")
            row.update(
                uid=str(uuid.uuid4()),
                year=day.year,
                seq=800_000 + i,
                record_no=f"IX/{day.year}/{i:05d}",
                unit_id=rng.choice(units),
                visited_at=when,
                period=f"{when:%Y-%m}",
                status=rng.choice(("draft", "completed", "completed", "signed")),
                superseded=rng.random() < 0.15,
                original_id=None,
                passed=rng.random() < 0.7,
                critical_failure=rng.random() < 0.2,
                score=None if rng.random() < 0.1 else rng.uniform(30, 100),
            )
            rows.append(row)
        s.execute(insert(audit_table), rows)
        kinds = ("complaint", "grievance", "request", "praise", "negative_opinion")
        outcomes = ("justified", "partly", "unjustified", "passed_on", "left_unexamined", None)
        entry_rows: list[dict[str, Any]] = []
        for i in range(600):
            received = start + timedelta(days=rng.randrange(span))
            settled = received + timedelta(days=rng.randint(0, 70)) if rng.random() < 0.8 else None
            due = (
                received + timedelta(days=rng.choice((7, 30, 60))) if rng.random() < 0.85 else None
            )
            entry_rows.append(
                {
                    "reference": f"IX.1510.{i}.{received.year}",
                    "kind": rng.choice(kinds),
                    "received_on": received,
                    "channel": "letter",
                    "unit_id": rng.choice(units),
                    "summary": "",
                    "from_representative": False,
                    "due_on": due,
                    "due_rule": "",
                    "settled_on": settled,
                    "outcome": rng.choice(outcomes) if settled else None,
                    "created_by": "test",
                    "created_at": datetime(2025, 1, 1),
                    "updated_at": datetime(2025, 1, 1),
                }
            )
        s.execute(insert(entries), entry_rows)


def periods(today: date) -> list[Period]:
    """Every month, quarter, half-year and year of the span and 40 random ranges in it."""
    found: set[Period] = set()
    day = date(today.year - 2, 1, 1)
    while day <= today + timedelta(days=62):
        for kind in ("month", "quarter", "half", "year"):
            found.add(period_of(kind, day))
        day += timedelta(days=27)
    rng = random.Random(23)
    for _ in range(40):
        first = today - timedelta(days=rng.randrange(800))
        found.add(Period(first, first + timedelta(days=rng.randrange(400))))
    return sorted(found, key=lambda p: (p.start, p.end))


def _canonical(value: object) -> object:
    """Dicts as lists sorted by key (PostgreSQL may give the units in another order)."""
    if isinstance(value, dict):
        return sorted((repr(k), _canonical(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def _rounded(value: object) -> str:
    """The canonical repr with floats to 9 decimals: a mean summed in another order may move
    its last digit (the index gives each unit's audits in date order, the old read in row
    order)."""
    return re.sub(r"\d+\.\d{9,}", lambda m: f"{float(m.group()):.9f}", repr(_canonical(value)))


def test_the_indexed_reads_give_the_old_figures(demo_ctx: AppContext, today: date) -> None:
    add_edges(demo_ctx, today)
    compared = {"audits": 0, "complaints": 0}
    with demo_ctx.db.session() as s:
        unit_ids = sorted(s.scalars(select(OrgUnit.id)))
        for p in periods(today):
            for units in (None, set(unit_ids[::2]), set()):
                new_audits = audits.audit_counts(s, p, units)
                assert _rounded(new_audits) == _rounded(old_audits(s, p, units)), p
                new_complaints = complaints.complaint_counts(s, p, units)
                assert new_complaints == old_complaints(s, p, units), p
                compared["audits"] += bool(new_audits)
                compared["complaints"] += bool(new_complaints)
    assert compared["audits"] > 100 and compared["complaints"] > 100, compared


def rows_of(result: Any) -> list[Any]:
    return [(r.unit_id, r.cells, r.critical_failures) for r in result.rows]


def test_the_whole_overview_is_the_old_one(
    demo_ctx: AppContext, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_edges(demo_ctx, today)
    chosen = [period_of(kind, today) for kind in ("month", "quarter", "year")]
    chosen.append(Period(today - timedelta(days=400), today - timedelta(days=3)))
    new = [rows_of(overview(demo_ctx, p)) for p in chosen]
    monkeypatch.setattr(audits, "audit_counts", old_audits)
    monkeypatch.setattr(complaints, "complaint_counts", old_complaints)
    old = [rows_of(overview(demo_ctx, p)) for p in chosen]
    assert _rounded(new) == _rounded(old)
    assert any(r[1]["mystery_passed"].n for rows in new for r in rows)
    assert any(r[1]["complaints_on_time"].n for rows in new for r in rows)
    assert any(r[2] for rows in new for r in rows)  # critical failures


@pytest.mark.sqlite_only
def test_sqlite_reads_the_covering_indexes_without_sorting(
    demo_ctx: AppContext, today: date
) -> None:
    plans: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            found = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            plans.append(" | ".join(str(row[-1]) for row in found))

    engine = demo_ctx.db.engine
    event.listen(engine, "before_cursor_execute", explain)
    try:
        with demo_ctx.db.session() as s:
            audits.audit_counts(s, period_of("year", today), None)
            complaints.complaint_counts(s, period_of("year", today), {1, 2})
    finally:
        event.remove(engine, "before_cursor_execute", explain)
    assert len(plans) == 3, plans
    for plan, index in zip(plans, INDEXES.values(), strict=True):
        assert f"COVERING INDEX {index}" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


def _indexes(ctx: AppContext) -> set[str]:
    with ctx.db.engine.connect() as conn:
        found = inspect(conn)
        return {
            ix["name"] or ""
            for table in ("audit", "indicator_entry")
            for ix in found.get_indexes(table)
        }


def test_the_migration_adds_and_removes_the_indexes(demo_ctx: AppContext, today: date) -> None:
    assert set(INDEXES.values()) <= _indexes(demo_ctx)
    year = period_of("year", today)
    with demo_ctx.db.session() as s:
        before = audits.audit_counts(s, year, None), complaints.complaint_counts(s, year, None)
    downgrade(demo_ctx.db, "overview_indexes@-1")
    assert not set(INDEXES.values()) & _indexes(demo_ctx)
    with demo_ctx.db.session() as s:  # the same figures, only slower
        assert _rounded((old_audits(s, year, None), old_complaints(s, year, None))) == _rounded(
            before
        )
    upgrade_to_heads(demo_ctx.db)
    assert set(INDEXES.values()) <= _indexes(demo_ctx)
