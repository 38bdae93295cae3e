"""The demo office is the same for the same reference day, whatever the real date, and telling on
any day of the year (drafts, open entries and recent months present even on the 1st)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from sqlalchemy import MetaData, select, text

from auditdesk.domain.demo_calendar import DemoCalendar
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.store.migrate import open_database
from auditdesk.store.models import (
    Appraisal,
    Audit,
    CaseRecord,
    IndicatorEntry,
    SurveyCampaign,
    SurveyResponse,
)
from dates import TEST_DATES

# written by the real clock when a row is stored (column defaults, the trail), or salted
VOLATILE = {
    "created_at",
    "updated_at",
    "registered_at",
    "entered_at",
    "imported_at",
    "added_at",
    "drawn_at",
    "at",
    "password_hash",
}
SKIPPED_TABLES = {"audit_log", "trail", "trail_entries", "alembic_version"}


def _snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without the columns the real clock or a salt writes."""
    database = open_database(str(path))
    try:
        meta = MetaData()
        meta.reflect(database.engine)
        out: dict[str, list[tuple[Any, ...]]] = {}
        with database.engine.connect() as conn:
            for name, table in sorted(meta.tables.items()):
                if name in SKIPPED_TABLES or "trail" in name:
                    continue
                cols = [c.name for c in table.columns if c.name not in VOLATILE]
                quoted = ", ".join(f'"{c}"' for c in cols)
                rows = conn.execute(text(f'SELECT {quoted} FROM "{name}" ORDER BY 1')).all()
                out[name] = [tuple(r) for r in rows]
        return out
    finally:
        database.dispose()


def _build(path: Path, day: date) -> Path:
    database = open_database(str(path))
    try:
        create_demo(AppContext(database, Actor.system(), FixedClock(day)))
    finally:
        database.dispose()
    return path


def test_same_reference_day_same_demo_whatever_the_real_date(tmp_path: Path) -> None:
    day = date(2026, 12, 4)
    with time_machine.travel(datetime(2026, 12, 4, 9), tick=True):
        first = _snapshot(_build(tmp_path / "a.sqlite", day))
    with time_machine.travel(datetime(2027, 3, 17, 15), tick=True):  # another real day
        second = _snapshot(_build(tmp_path / "b.sqlite", day))
    assert first.keys() == second.keys()
    assert sum(len(rows) for rows in first.values()) > 1000
    for name in first:
        assert first[name] == second[name], name
    other = _snapshot(_build(tmp_path / "c.sqlite", date(2026, 12, 5)))
    assert other["audit"] != first["audit"]  # and another reference day, another demo


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_demo_is_telling_on_any_day(demo_ctx: AppContext, today: date) -> None:
    assert date.today() == today  # the test, the demo and the clock agree on the day
    calendar = DemoCalendar(today)
    with demo_ctx.db.session() as s:
        audits = s.scalars(select(Audit)).all()
        assert {a.status for a in audits} == {"draft", "completed"}
        assert all(a.visited_at.date() < today for a in audits)
        assert min(a.visited_at.date() for a in audits) >= calendar.first
        # the newest audits are drafts, on the first of a month too
        newest = max(audits, key=lambda a: a.visited_at)
        assert newest.status == "draft"
        periods = {a.period for a in audits}
        assert len(periods) >= 5
        previous = calendar.month_start(calendar.months - 2)
        assert previous.strftime("%Y-%m") in periods
        entries = s.scalars(select(IndicatorEntry)).all()
        assert entries and all(e.received_on < today for e in entries)
        assert any(e.settled_on is None for e in entries)
        assert all(e.settled_on is None or e.settled_on <= today for e in entries)
        cases = s.scalars(select(CaseRecord)).all()
        assert cases and all(c.started_on < today for c in cases)
        assert any(c.settled_on is None for c in cases)
        assert all(c.settled_on is None or c.settled_on <= today for c in cases)
        appraisals = s.scalars(select(Appraisal)).all()
        assert {a.status for a in appraisals} >= {"draft", "final"}
        assert all(a.period_end <= today for a in appraisals)
        assert all(a.read_on is None or a.read_on <= today for a in appraisals)
        observed = {a.employee_id for a in audits}  # an appraisal in progress has evidence
        assert all(a.employee_id in observed for a in appraisals if a.status == "draft")
        campaigns = s.scalars(select(SurveyCampaign)).all()
        assert campaigns and all(c.period_to == today for c in campaigns)
        answered = s.scalars(select(SurveyResponse.answered_on)).all()
        assert answered and max(answered) <= today
        assert min(answered) >= calendar.first


@pytest.mark.parametrize(
    ("today", "first", "months"),
    [
        (date(2026, 12, 4), date(2026, 7, 1), 6),
        (date(2026, 1, 31), date(2025, 8, 1), 6),
        (date(2028, 2, 29), date(2027, 9, 1), 6),
        (date(2027, 1, 1), date(2026, 8, 1), 6),
        (date(2026, 3, 31), date(2026, 2, 1), 2),
    ],
    ids=str,
)
def test_demo_calendar_steps_calendar_months(today: date, first: date, months: int) -> None:
    calendar = DemoCalendar(today, months)
    assert calendar.first == first
    assert calendar.month_start(months - 1) == today.replace(day=1)
    assert calendar.month_end(months - 1) == today - timedelta(days=1)
    assert calendar.month_end(0) == calendar.month_start(1) - timedelta(days=1)
