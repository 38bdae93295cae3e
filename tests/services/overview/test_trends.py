"""The figures behind the overview's charts (issue 17): an indicator month by month is the
overview's figure of each month, per unit and for the office; the mystery client's areas are
the points earned of possible over the period's completed audits."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied
from auditdesk.domain.values import Role
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.overview import Period, overview, period_of
from auditdesk.services.overview.trends import AREAS, months_up_to, mystery_areas, trend
from auditdesk.store.models import Audit


def test_months_up_to() -> None:
    months = months_up_to(date(2026, 2, 14), 3)
    assert [m.start for m in months] == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert months[-1].end == date(2026, 2, 28)
    with pytest.raises(ValueError, match="1 to 36"):
        months_up_to(date(2026, 2, 14), 0)


@pytest.mark.parametrize("indicator", ["timeliness", "mystery_passed", "complaints_count"])
def test_each_month_is_the_overviews_figure(
    demo_ctx: AppContext, today: date, indicator: str
) -> None:
    result = trend(demo_ctx, indicator, today, 6)
    assert [m.start for m in result.months] == [m.start for m in months_up_to(today, 6)]
    office = result.series[0]
    assert office.unit_id is None and len(office.values) == 6
    assert any(v is not None for s in result.series for v in s.values)
    for i, month in enumerate(result.months):
        rows = {row.unit_id: row for row in overview(demo_ctx, month).rows}
        for series in result.series:
            row = rows.get(series.unit_id)
            cell = row.cells[indicator] if row is not None else None
            expected = cell.value if cell is not None and cell.n else None
            if expected is None:
                assert series.values[i] is None
            else:
                assert series.values[i] == pytest.approx(expected)
                assert series.counts[i] == cell.n  # type: ignore[union-attr]


def test_mystery_areas_are_points_earned_of_possible(demo_ctx: AppContext, today: date) -> None:
    period = Period(today - timedelta(days=400), today)
    rows = mystery_areas(demo_ctx, period)
    assert rows and rows[0].unit_id is None
    with demo_ctx.db.session() as s:
        audits = s.execute(
            select(Audit.unit_id, Audit.section_scores_json).where(
                Audit.status.in_(("completed", "signed")), Audit.superseded.is_(False)
            )
        ).all()
    unit = rows[1]
    earned = {a: 0.0 for a in AREAS}
    possible = {a: 0.0 for a in AREAS}
    count = 0
    for unit_id, text in audits:
        if unit_id != unit.unit_id:
            continue
        count += 1
        for section, e, p, _z in json.loads(text):
            if section in AREAS:
                earned[section] += e
                possible[section] += p
    assert unit.audits == count
    for area in AREAS:
        if possible[area]:
            assert unit.percent[area] == pytest.approx(100 * earned[area] / possible[area])
    assert rows[0].audits == sum(r.audits for r in rows[1:])
    assert all(0 <= v <= 100 for r in rows for v in r.percent.values() if v is not None)


def test_auditors_get_no_chart(demo_ctx: AppContext, today: date) -> None:
    auditor = AppContext(demo_ctx.db, Actor(99, "audytor", Role.AUDITOR, None))
    with pytest.raises(PermissionDenied):
        trend(auditor, "timeliness", today)
    with pytest.raises(PermissionDenied):
        mystery_areas(auditor, period_of("year", today))
